// Room page controller: joins with the token from the URL, keeps window.roundtable up to date,
// publishes camera and microphone (ministers, moderators) and receives the others' tracks.
import { paintIcons, setIcon } from './icons.js';
import { SignalingClient, SignalingError } from './signaling.js';
import { publish, captureLocalMedia } from './publisher.js';
import { Subscriber } from './subscriber.js';
import * as view from './view.js';
import * as floor from './floor.js';

const $ = (id) => document.getElementById(id);

/** Observable state for users of the console and for end-to-end tests. */
const state = {
  connection: 'connecting', // connecting | connected | left | closed | refused
  participantId: null,
  name: null,
  role: null,
  room: null,
  participants: [],
  tracks: [],
  lastError: null,
  pcs: { publish: null, subscribe: null },
  local: { stream: null, audioMuted: false, videoMuted: false },
  soundBlocked: false,
  presence: null, // connected | lobby
  moderation: null, // the roundtable's state: settings, participants, queue, floor (docs/protocol.md)
  events: [], // every moderation event received, oldest first
  clockOffsetMs: 0, // server clock minus this browser's, measured at each state
};
window.roundtable = state;
/** The tracks this page receives, with their mids in the subscribe connection. */
state.received = () => subscriber?.received() ?? [];
Object.defineProperty(state, 'subscribedMids', { get: () => subscriber?.mids ?? {} });

const people = new Map(); // participantId -> participant
const remoteStreams = new Map(); // participantId -> MediaStream
const tiles = new Map(); // participantId -> Tile
let client = null;
let subscriber = null;
let token = null;
let publishing = false;

const floorView = () => ({
  state: state.moderation,
  selfId: state.participantId,
  role: state.role,
  clockOffsetMs: state.clockOffsetMs,
  send: command,
  openRecord,
});

paintIcons();
main();

async function main() {
  token = new URLSearchParams(location.search).get('token');
  if (!token) {
    state.connection = 'refused';
    view.showStatus('error', 'No join link');
    view.showEnded('No join link', 'Open the link you were sent, or paste it on the start page.', 'Go to start page', () => { location.href = '/'; });
    return;
  }
  wireControls();
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  client = new SignalingClient(`${scheme}//${location.host}/ws?token=${encodeURIComponent(token)}`);
  client
    .on('welcome', onWelcome)
    .on('participantJoined', (m) => { upsert(m.participant); refresh(); })
    .on('participantUpdated', (m) => { upsert(m.participant); refresh(); })
    .on('participantLeft', (m) => { remove(m.participantId); refresh(); })
    .on('tracks', (m) => { state.tracks = m.tracks; subscriber?.update(m.tracks); })
    .on('roundtable', onRoundtable)
    .on('startPublishing', () => startPublishing())
    .on('error', (m) => reportError(m.code, m.message))
    .on('close', onClose);
  try {
    await client.connect();
  } catch {
    // onClose explains it
  }
}

function onWelcome(m) {
  state.connection = 'connected';
  state.participantId = m.participantId;
  state.name = m.name;
  state.role = m.role;
  state.room = m.room;
  state.presence = m.presence;
  people.clear();
  m.participants.forEach(upsert);
  view.showHeader(m.room, m.role);
  view.showStatus('connected', 'Connected');
  $('self-name').textContent = `${m.name} (you)`;
  $('self-avatar').textContent = view.initials(m.name);
  subscriber = new Subscriber(client, {
    onPeer: (pc) => { state.pcs.subscribe = pc; watchPeer(pc, 'Receiving'); },
    onTrack: attachRemoteTrack,
    onTrackRemoved: detachRemoteTrack,
    onError: (e) => reportError(codeOf(e, 'subscribe-failed'), `Could not receive the others' media: ${e.message}`),
  });
  if (state.tracks.length) subscriber.update(state.tracks);
  setModeration(m.roundtable);
  refresh();
  setInterval(() => floor.tick(floorView()), 250);
  if (m.presence === 'lobby') {
    $('lobby-wait').hidden = false;
    $('empty-stage').hidden = true;
    return;
  }
  if (m.role === 'viewer') {
    $('empty-title').textContent = 'The roundtable has not started yet';
    $('empty-text').textContent = 'Speakers appear here as soon as they join.';
  } else {
    $('empty-title').textContent = 'You are the first one here';
    $('empty-text').textContent = 'The other participants appear here as they join.';
    startPublishing();
  }
}

/** A new roundtable state from the server: the page is a projection of it. */
function setModeration(snapshot) {
  if (!snapshot) return;
  state.moderation = snapshot;
  state.clockOffsetMs = Date.parse(snapshot.at) - Date.now();
  const self = snapshot.participants.find((p) => p.participantId === state.participantId);
  if (self) {
    state.role = self.role;
    view.showHeader(state.room, self.role);
    syncLocalMedia(self);
  }
  floor.render(floorView());
}

function onRoundtable(m) {
  state.events.push(...m.events);
  const wasLobby = state.presence === 'lobby';
  const self = m.state.participants.find((p) => p.participantId === state.participantId);
  const previousRole = state.role;
  if (self) state.presence = self.presence;
  setModeration(m.state);
  for (const e of m.events) announce(e);
  if (wasLobby && state.presence === 'connected') {
    $('lobby-wait').hidden = true;
    refresh();
    if (state.role !== 'viewer') startPublishing();
  }
  if (previousRole !== 'viewer' && state.role === 'viewer') stopPublishing();
  if (previousRole === 'viewer' && state.role !== 'viewer' && state.presence === 'connected') startPublishing();
}

/** Tells this participant what concerns it. */
function announce(e) {
  const me = state.participantId;
  const name = (id) => state.moderation.participants.find((p) => p.participantId === id)?.name ?? 'Someone';
  switch (e.type) {
    case 'FloorGranted':
      view.clearBanner('time');
      view.clearBanner('floor'); // the floor banner on the stage says who speaks
      break;
    case 'FloorEnded':
      view.clearBanner('floor');
      view.clearBanner('time');
      if (e.participantId === me) view.showBanner('info', e.reason === 'EXPIRED' ? 'Your time is up: the floor has passed on.' : 'Your intervention has ended.', 'floor');
      break;
    case 'TimeWarning':
      if (e.participantId === me) view.showBanner('warn', `${floor.clock(durationSeconds(e.remaining))} left in your intervention.`, 'time');
      break;
    case 'TimeExpired':
      if (e.participantId === me) view.showBanner('warn', e.policy === 'NOTIFY' ? 'Your time is up. Please conclude.' : 'Your time is up.', 'time');
      else if (state.role === 'moderator') view.showBanner('warn', `${name(e.participantId)}'s time is up.`, 'time');
      break;
    case 'MuteRequested':
      if (e.participantId === me) {
        const kind = e.medium === 'AUDIO' ? 'audio' : 'video';
        view.showBanner('warn', `A moderator asks you to turn off your ${kind === 'audio' ? 'microphone' : 'camera'}.`, 'mute-request',
          { label: kind === 'audio' ? 'Mute' : 'Turn off', run: () => { setLocalMuted(kind, true); view.clearBanner('mute-request'); } });
      }
      break;
    case 'ForceMuteSet':
      if (e.participantId === me) view.showBanner('warn', `A moderator turned off your ${e.medium === 'AUDIO' ? 'microphone' : 'camera'}; only a moderator can turn it back on.`, 'force');
      break;
    case 'ForceMuteLifted':
      if (e.participantId === me) view.showBanner('info', `A moderator allows your ${e.medium === 'AUDIO' ? 'microphone' : 'camera'} again.`, 'force');
      break;
    case 'RoleChanged':
      if (e.participantId === me) view.showBanner('info', e.to === 'MINISTER' ? 'You are now a minister: your camera and microphone are being connected.' : 'You are now a viewer.', 'role');
      break;
    default:
  }
}

function durationSeconds(iso) {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso ?? '');
  return m ? (Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) : 0;
}

/** The server owns the switches (force-mute, mute at expiry): the local tracks follow it. */
function syncLocalMedia(self) {
  for (const kind of ['audio', 'video']) {
    const on = kind === 'audio' ? self.audioOn : self.videoOn;
    const locked = self.forceMuted[kind];
    const key = kind === 'audio' ? 'audioMuted' : 'videoMuted';
    if ((!on || locked) && !state.local[key]) applyLocalMute(kind, true);
    const button = $(kind === 'audio' ? 'btn-mic' : 'btn-cam');
    button.classList.toggle('locked', locked);
    if (locked) button.title = kind === 'audio' ? 'A moderator muted your microphone' : 'A moderator stopped your camera';
  }
}

/** Sends a moderation command; a refusal shows as a banner. */
function command(type, fields = {}) {
  return client.request({ type, ...fields }).catch((e) => reportError(e.code, e.message));
}

async function openRecord(format) {
  const response = await fetch(`/api/roundtables/${encodeURIComponent(state.room)}/record?format=${format}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) {
    reportError('record', `The record is not available (${response.status}).`);
    return;
  }
  const url = URL.createObjectURL(await response.blob());
  if (format === 'html') {
    window.open(url, '_blank');
  } else {
    const a = document.createElement('a');
    a.href = url;
    a.download = `roundtable-${state.room}.${format}`;
    a.click();
  }
}

function stopPublishing() {
  state.local.stream?.getTracks().forEach((t) => t.stop());
  state.local.stream = null;
  state.pcs.publish?.close();
  state.pcs.publish = null;
  publishing = false;
  $('self-view').hidden = true;
  $('btn-mic').hidden = true;
  $('btn-cam').hidden = true;
}

async function startPublishing() {
  if (publishing) return;
  publishing = true;
  let stream;
  try {
    stream = await captureLocalMedia();
  } catch (e) {
    reportError('no-media', `Camera and microphone are not available (${e.name}: ${e.message}). You can still follow the roundtable.`);
    publishing = false;
    return;
  }
  if (state.connection !== 'connected' || state.role === 'viewer') {
    stream.getTracks().forEach((t) => t.stop());
    publishing = false;
    return;
  }
  state.local.stream = stream;
  for (const kind of ['audio', 'video']) {
    if (state.local[kind === 'audio' ? 'audioMuted' : 'videoMuted']) applyLocalMute(kind, true);
  }
  $('self-video').srcObject = stream;
  $('self-view').hidden = false;
  $('btn-mic').hidden = false;
  $('btn-cam').hidden = false;
  try {
    state.pcs.publish = await publish(client, stream);
    watchPeer(state.pcs.publish, 'Sending');
  } catch (e) {
    reportError(codeOf(e, 'publish-failed'), `Your camera and microphone could not be sent: ${e.message}`);
  }
}

function watchPeer(pc, label) {
  pc.addEventListener('connectionstatechange', () => {
    if (pc.connectionState === 'failed') {
      reportError('media-failed', `${label} media: the connection to the media server failed.`);
    }
  });
}

function upsert(p) {
  people.set(p.participantId, p);
}

function remove(participantId) {
  people.delete(participantId);
  remoteStreams.delete(participantId);
}

function attachRemoteTrack(info, track) {
  let stream = remoteStreams.get(info.participantId);
  if (!stream) {
    stream = new MediaStream();
    remoteStreams.set(info.participantId, stream);
  }
  stream.addTrack(track);
  track.addEventListener('unmute', refresh);
  track.addEventListener('mute', refresh);
  track.addEventListener('ended', refresh);
  refresh();
}

function detachRemoteTrack(info, track) {
  remoteStreams.get(info.participantId)?.removeTrack(track);
  refresh();
}

/** Re-renders everything derived from the participant map. */
function refresh() {
  state.participants = [...people.values()];
  const publishers = state.participants.filter((p) => p.role !== 'viewer' && p.participantId !== state.participantId);
  const grid = $('grid');
  for (const [id, tile] of tiles) {
    if (!people.has(id) || people.get(id).role === 'viewer') {
      tile.el.remove();
      tiles.delete(id);
    }
  }
  for (const p of publishers) {
    let stream = remoteStreams.get(p.participantId);
    if (!stream) {
      stream = new MediaStream();
      remoteStreams.set(p.participantId, stream);
    }
    let tile = tiles.get(p.participantId);
    if (!tile) {
      tile = new view.Tile(p, stream);
      tiles.set(p.participantId, tile);
      grid.append(tile.el);
    }
    if (tile.video.srcObject !== stream) tile.video.srcObject = stream;
    const liveVideo = stream.getVideoTracks().some((t) => t.readyState === 'live' && !t.muted);
    tile.update(p, liveVideo);
    play(tile.video);
  }
  view.layoutGrid(publishers.length);
  if (state.presence === 'lobby') $('empty-stage').hidden = true;
  if (state.moderation) floor.render(floorView());
  const self = people.get(state.participantId);
  if (self) {
    $('self-mic').hidden = !self.audioMuted;
    $('self-camera-off').hidden = !self.videoMuted;
  }
}

function play(video) {
  if (!video.paused || !video.srcObject?.getTracks().length) return;
  video.muted = state.soundBlocked;
  video.play().catch((e) => {
    if (e.name === 'NotAllowedError' && !state.soundBlocked) {
      // Autoplay with sound needs a user gesture here: play muted and offer to turn sound on.
      state.soundBlocked = true;
      $('btn-sound').hidden = false;
      video.muted = true;
      video.play().catch(() => {});
    }
  });
}

function wireControls() {
  $('btn-mic').addEventListener('click', () => toggle('audio'));
  $('btn-hand').addEventListener('click', () => {
    const self = state.moderation?.participants.find((p) => p.participantId === state.participantId);
    command(self?.queuePosition ? 'lowerHand' : 'raiseHand');
  });
  $('btn-yield').addEventListener('click', () => command('yieldFloor'));
  $('btn-cam').addEventListener('click', () => toggle('video'));
  $('btn-leave').addEventListener('click', leave);
  $('btn-sound').addEventListener('click', () => {
    state.soundBlocked = false;
    $('btn-sound').hidden = true;
    for (const tile of tiles.values()) {
      tile.video.muted = false;
      tile.video.play().catch(() => {});
    }
  });
  const panel = $('people');
  const toggleButton = $('toggle-people');
  const setOpen = (open) => {
    panel.classList.toggle('open', open);
    toggleButton.setAttribute('aria-expanded', String(open));
  };
  toggleButton.addEventListener('click', () => setOpen(!panel.classList.contains('open')));
  $('close-people').addEventListener('click', () => setOpen(false));
}

function toggle(kind) {
  const key = kind === 'audio' ? 'audioMuted' : 'videoMuted';
  const self = state.moderation?.participants.find((p) => p.participantId === state.participantId);
  if (state.local[key] && self?.forceMuted[kind]) {
    view.showBanner('warn', `A moderator turned off your ${kind === 'audio' ? 'microphone' : 'camera'}; only a moderator can turn it back on.`, 'force');
    return;
  }
  setLocalMuted(kind, !state.local[key]);
}

/** Switches the local track and tells the server. */
function setLocalMuted(kind, muted) {
  if (!state.local.stream) return;
  applyLocalMute(kind, muted);
  client.request({ type: 'mute', kind, muted }).catch((e) => {
    reportError(e.code, e.message);
    applyLocalMute(kind, true);
  });
}

/** Local only: the track and the button. */
function applyLocalMute(kind, muted) {
  const stream = state.local.stream;
  const key = kind === 'audio' ? 'audioMuted' : 'videoMuted';
  state.local[key] = muted;
  if (!stream) return;
  for (const track of kind === 'audio' ? stream.getAudioTracks() : stream.getVideoTracks()) {
    track.enabled = !muted;
  }
  const button = $(kind === 'audio' ? 'btn-mic' : 'btn-cam');
  button.setAttribute('aria-pressed', String(muted));
  setIcon(button.querySelector('.icon'), kind === 'audio' ? (muted ? 'mic-off' : 'mic') : (muted ? 'cam-off' : 'cam'));
  button.title = kind === 'audio' ? (muted ? 'Unmute microphone' : 'Mute microphone') : (muted ? 'Turn camera on' : 'Turn camera off');
}

function stopMedia() {
  state.local.stream?.getTracks().forEach((t) => t.stop());
  state.pcs.publish?.close();
  subscriber?.close();
}

function leave() {
  if (state.connection === 'connected') {
    state.connection = 'left';
    client.send({ type: 'leave' });
  }
  stopMedia();
  view.showStatus('closed', 'Left');
  view.showEnded('You left the roundtable', 'Thanks for taking part.', 'Rejoin', () => location.reload());
}

function onClose(event) {
  if (state.connection === 'left') return;
  stopMedia();
  const refusedToken = event.code === 4401;
  state.connection = refusedToken ? 'refused' : 'closed';
  view.showStatus('error', refusedToken ? 'Link refused' : 'Disconnected');
  const detail = state.lastError?.message ?? 'The connection to the server was lost.';
  if (refusedToken) {
    view.showEnded('This link does not work', detail, 'Go to start page', () => { location.href = '/'; });
  } else if (event.code === 4000 && ENDINGS[state.lastError?.code]) {
    const [title, again] = ENDINGS[state.lastError.code];
    view.showEnded(title, detail, again ? 'Rejoin' : 'Close', again ? () => location.reload() : () => { location.href = '/'; });
  } else if (event.code === 4000) {
    view.showEnded('You were disconnected', detail, 'Rejoin', () => location.reload());
  } else {
    view.showEnded('Connection lost', 'The connection to the server was lost.', 'Rejoin', () => location.reload());
  }
}

/** Why the server ended a session: [title, may rejoin]. */
const ENDINGS = {
  'roundtable-ended': ['The roundtable has ended', false],
  denied: ['You were not admitted', false],
  removed: ['You were removed from the roundtable', true],
  banned: ['You cannot join this roundtable', false],
  locked: ['The roundtable is locked', true],
  replaced: ['You joined from another window', true],
};

/** The server's error code, or a client-side one for browser failures (DOMException codes are legacy numbers). */
function codeOf(error, fallback) {
  return error instanceof SignalingError ? error.code : fallback;
}

function reportError(code, message) {
  state.lastError = { code, message };
  view.showBanner('error', message, code);
}
