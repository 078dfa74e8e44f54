// Room page controller: joins with the token from the URL, keeps window.roundtable up to date,
// publishes camera and microphone (ministers, moderators) and receives the others' tracks.
import { paintIcons, setIcon } from './icons.js';
import { SignalingClient, SignalingError } from './signaling.js';
import { publish, captureLocalMedia } from './publisher.js';
import { Subscriber } from './subscriber.js';
import * as view from './view.js';

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
};
window.roundtable = state;

const people = new Map(); // participantId -> participant
const remoteStreams = new Map(); // participantId -> MediaStream
const tiles = new Map(); // participantId -> Tile
let client = null;
let subscriber = null;

paintIcons();
main();

async function main() {
  const token = new URLSearchParams(location.search).get('token');
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
  refresh();
  if (m.role === 'viewer') {
    $('empty-title').textContent = 'The roundtable has not started yet';
    $('empty-text').textContent = 'Speakers appear here as soon as they join.';
  } else {
    $('empty-title').textContent = 'You are the first one here';
    $('empty-text').textContent = 'The other participants appear here as they join.';
    startPublishing();
  }
}

async function startPublishing() {
  let stream;
  try {
    stream = await captureLocalMedia();
  } catch (e) {
    reportError('no-media', `Camera and microphone are not available (${e.name}: ${e.message}). You can still follow the roundtable.`);
    return;
  }
  if (state.connection !== 'connected') {
    stream.getTracks().forEach((t) => t.stop());
    return;
  }
  state.local.stream = stream;
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
  view.renderPeople(state.participants, state.participantId);
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
  const stream = state.local.stream;
  if (!stream) return;
  const key = kind === 'audio' ? 'audioMuted' : 'videoMuted';
  const muted = !state.local[key];
  state.local[key] = muted;
  for (const track of kind === 'audio' ? stream.getAudioTracks() : stream.getVideoTracks()) {
    track.enabled = !muted;
  }
  const button = $(kind === 'audio' ? 'btn-mic' : 'btn-cam');
  button.setAttribute('aria-pressed', String(muted));
  setIcon(button.querySelector('.icon'), kind === 'audio' ? (muted ? 'mic-off' : 'mic') : (muted ? 'cam-off' : 'cam'));
  button.title = kind === 'audio' ? (muted ? 'Unmute microphone' : 'Mute microphone') : (muted ? 'Turn camera on' : 'Turn camera off');
  client.request({ type: 'mute', kind, muted }).catch((e) => reportError(e.code, e.message));
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
  } else if (event.code === 4000) {
    view.showEnded('You were disconnected', detail, 'Rejoin', () => location.reload());
  } else {
    view.showEnded('Connection lost', 'The connection to the server was lost.', 'Rejoin', () => location.reload());
  }
}

/** The server's error code, or a client-side one for browser failures (DOMException codes are legacy numbers). */
function codeOf(error, fallback) {
  return error instanceof SignalingError ? error.code : fallback;
}

function reportError(code, message) {
  state.lastError = { code, message };
  view.showBanner('error', message, code);
}
