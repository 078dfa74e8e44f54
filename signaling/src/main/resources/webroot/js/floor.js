// The moderated side of the room page: floor, speaker queue, lobby, participants and the
// moderator console. Pure rendering from the server's roundtable state (snapshot on connect, then
// one state per step); every button sends a command and the server's next state redraws.
import { ICONS } from './icons.js';

const $ = (id) => document.getElementById(id);

/** h('div', {class: 'x', onclick: fn}, child, 'text') */
/** Replaces el's children, skipping null/undefined/false (replaceChildren would print "null"). */
function fill(el, ...children) {
  el.replaceChildren(...children.filter((c) => c !== null && c !== undefined && c !== false));
}

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'html') el.innerHTML = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const icon = (name, cls = 'icon') => h('span', { class: cls, html: ICONS[name] ?? '' });

const ROLE = { moderator: 'Moderator', minister: 'Minister', viewer: 'Viewer' };

/** m:ss, or -m:ss in overtime. */
export function clock(seconds) {
  const negative = seconds < 0;
  const s = Math.ceil(Math.abs(seconds) - 0.001);
  const text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return negative ? `+${text}` : text;
}

/** Server time now, from the offset measured when the last state arrived. */
export function serverNow(view) {
  return Date.now() + (view.clockOffsetMs ?? 0);
}

export function remainingSeconds(floor, view) {
  return (Date.parse(floor.deadline) - serverNow(view)) / 1000;
}

function person(state, id) {
  return state.participants.find((p) => p.participantId === id);
}

function nameOf(state, id) {
  return person(state, id)?.name ?? 'Someone who left';
}

/**
 * Redraws everything moderated. view = { state, selfId, role, send(type, fields), openRecord(format) }.
 */
export function render(view) {
  const { state, selfId, role } = view;
  if (!state) return;
  const moderator = role === 'moderator';
  document.body.classList.toggle('is-moderator', moderator);
  renderFloor(view, moderator);
  renderQueue(view, moderator);
  renderLobby(view, moderator);
  renderParticipants(view, moderator);
  renderConsole(view, moderator);
  renderStageBanner(view);
  const self = person(state, selfId);
  const hand = $('btn-hand');
  hand.hidden = !(self && self.role === 'minister' && self.presence === 'connected');
  if (!hand.hidden) {
    const queued = self.queuePosition !== null;
    const holds = state.floor?.participantId === selfId;
    hand.disabled = holds;
    hand.setAttribute('aria-pressed', String(queued));
    hand.querySelector('.ctrl-label').textContent = holds ? 'Speaking' : queued ? `Lower hand · #${self.queuePosition}` : 'Raise hand';
    hand.title = queued ? 'Leave the speaker queue' : 'Ask for the floor';
  }
  $('btn-yield').hidden = !(state.floor && state.floor.participantId === selfId);
  // viewers are counted, not listed, for everyone but moderators (docs/protocol.md, "The audience")
  const onStage = state.participants.filter((p) => p.presence === 'connected' && p.role !== 'viewer').length;
  $('people-count').textContent = String(onStage + (state.viewers ?? 0));
}

function renderFloor(view, moderator) {
  const { state, selfId } = view;
  const card = $('floor-card');
  const floor = state.floor;
  const policy = state.settings.audioPolicy === 'floor'
    ? h('span', { class: 'pill pill-floor', title: 'Only the floor holder and moderators are heard' }, icon('mic'), 'Floor mode')
    : h('span', { class: 'pill', title: 'Everyone may speak' }, 'Open discussion');
  if (!floor) {
    fill(card,
      h('div', { class: 'card-head' }, h('h3', {}, 'Floor'), policy),
      h('p', { class: 'floor-empty', 'data-testid': 'floor-holder' }, 'Nobody has the floor'),
      moderator ? h('div', { class: 'row' },
        h('button', { class: 'btn btn-primary btn-small', type: 'button', 'data-action': 'grant-next',
          disabled: state.queue.length === 0, onclick: () => view.send('grantFloor', allotted()) }, 'Give floor to next in queue'),
        allottedInput(state)) : null,
    );
    return;
  }
  const holderName = nameOf(state, floor.participantId);
  const mine = floor.participantId === selfId;
  fill(card,
    h('div', { class: 'card-head' }, h('h3', {}, 'Floor'), policy),
    h('div', { class: 'floor-holder' },
      h('span', { class: 'avatar avatar-small' }, initials(holderName)),
      h('div', { class: 'floor-who' },
        h('strong', { 'data-testid': 'floor-holder' }, mine ? `${holderName} (you)` : holderName),
        h('span', { class: 'muted' }, `Intervention ${floor.intervention} · ${clock(floor.allottedSeconds)} allotted`)),
      h('span', { class: 'countdown', 'data-deadline': floor.deadline, 'data-allotted': floor.allottedSeconds, 'data-testid': 'countdown' }, '')),
    h('div', { class: 'progress' }, h('span', { class: 'progress-bar', 'data-deadline': floor.deadline, 'data-allotted': floor.allottedSeconds })),
    moderator ? h('div', { class: 'row' },
      h('button', { class: 'btn btn-small', type: 'button', 'data-action': 'pass', disabled: state.queue.length === 0,
        onclick: () => view.send('passFloor') }, 'Pass to next'),
      h('button', { class: 'btn btn-small btn-danger-soft', type: 'button', 'data-action': 'revoke', onclick: () => view.send('revokeFloor') }, 'End intervention'))
      : mine ? h('div', { class: 'row' }, h('button', { class: 'btn btn-small', type: 'button', onclick: () => view.send('yieldFloor') }, 'Yield the floor')) : null,
  );
  tick(view);
}

// Every state redraws the floor card. The time field is the same element from one drawing to the
// next, so what the moderator typed, the caret and the selection stay as they were: a new field given
// the focus put the caret before its value, and a hand raised mid-typing made "7" read "75". Moving
// the element blurs it, so the focus is given back. An untouched field follows the room's default.
function allottedInput(state) {
  const minutes = String(Math.round(state.settings.defaultAllottedSeconds / 60 * 100) / 100);
  let input = $('allotted-minutes');
  const focused = input !== null && document.activeElement === input;
  if (input === null) {
    input = h('input', { id: 'allotted-minutes', type: 'number', min: '0.25', step: '0.25', value: minutes,
      oninput: (event) => { event.target.dataset.typed = 'true'; } });
  } else if (input.dataset.typed !== 'true' && input.value !== minutes) {
    input.value = minutes;
  }
  if (focused) queueMicrotask(() => input.focus());
  return h('label', { class: 'inline-field', title: 'Time for this intervention' }, input, 'min');
}

function allotted() {
  const input = $('allotted-minutes');
  const minutes = Number(input?.value);
  return minutes > 0 ? { allottedSeconds: Math.round(minutes * 60) } : {};
}

function renderQueue(view, moderator) {
  const { state, selfId } = view;
  const list = $('queue-list');
  $('queue-count').textContent = String(state.queue.length);
  $('queue-empty').hidden = state.queue.length > 0;
  list.replaceChildren(...state.queue.map((id, index) => {
    const p = person(state, id);
    const away = p && p.presence !== 'connected';
    return h('li', { class: `queue-item${id === selfId ? ' self' : ''}`, 'data-participant-id': id },
      h('span', { class: 'queue-pos' }, String(index + 1)),
      h('span', { class: 'queue-name' }, nameOf(state, id), id === selfId ? h('span', { class: 'muted' }, ' (you)') : null,
        away ? h('span', { class: 'muted' }, ' · reconnecting') : null),
      moderator ? h('span', { class: 'queue-actions' },
        h('button', { class: 'icon-btn', type: 'button', title: 'Move up', 'aria-label': 'Move up', disabled: index === 0,
          onclick: () => view.send('moveInQueue', { participantId: id, direction: 'up' }) }, '↑'),
        h('button', { class: 'icon-btn', type: 'button', title: 'Move down', 'aria-label': 'Move down', disabled: index === state.queue.length - 1,
          onclick: () => view.send('moveInQueue', { participantId: id, direction: 'down' }) }, '↓'),
        h('button', { class: 'btn btn-small btn-primary', type: 'button', 'data-action': 'grant', title: 'Give the floor',
          onclick: () => view.send('grantFloor', { participantId: id, ...allotted() }) }, 'Floor'),
        h('button', { class: 'icon-btn', type: 'button', title: 'Remove from queue', 'aria-label': 'Remove from queue',
          onclick: () => view.send('removeFromQueue', { participantId: id }) }, '✕')) : null);
  }));
}

function renderLobby(view, moderator) {
  const waiting = view.state.participants.filter((p) => p.presence === 'lobby');
  const card = $('lobby-card');
  card.hidden = !moderator || waiting.length === 0;
  if (card.hidden) return;
  $('lobby-list').replaceChildren(...waiting.map((p) => h('li', { class: 'person' },
    h('span', { class: 'avatar avatar-small' }, initials(p.name)),
    h('div', { class: 'person-main' }, h('span', { class: 'person-name' }, p.name), h('span', { class: 'person-role' }, ROLE[p.role])),
    h('button', { class: 'btn btn-small btn-primary', type: 'button', onclick: () => view.send('admit', { participantId: p.participantId }) }, 'Admit'),
    h('button', { class: 'btn btn-small', type: 'button', onclick: () => view.send('deny', { participantId: p.participantId }) }, 'Deny'))));
}

function renderParticipants(view, moderator) {
  const { state, selfId } = view;
  const present = state.participants.filter((p) => p.presence === 'connected' || p.presence === 'disconnected');
  const order = { moderator: 0, minister: 1, viewer: 2 };
  present.sort((a, b) => order[a.role] - order[b.role]);
  $('people-list').replaceChildren(...present.map((p) => {
    const holds = state.floor?.participantId === p.participantId;
    const li = h('li', { class: `person${holds ? ' speaking' : ''}`, 'data-participant-id': p.participantId },
      h('span', { class: 'avatar avatar-small' }, initials(p.name)),
      h('div', { class: 'person-main' },
        h('span', { class: 'person-name' }, p.participantId === selfId ? `${p.name} (you)` : p.name),
        h('span', { class: 'person-role' }, ROLE[p.role],
          holds ? ' · has the floor' : '',
          p.queuePosition ? ` · hand #${p.queuePosition}` : '',
          p.presence === 'disconnected' ? ' · reconnecting' : '')),
      p.role !== 'viewer' ? mediaIcons(p, view.state) : null);
    if (moderator && p.participantId !== selfId && p.role !== 'moderator') {
      li.append(menu(view, p));
    }
    return li;
  }));
  const unlisted = (state.viewers ?? 0) - present.filter((p) => p.role === 'viewer' && p.presence === 'connected').length;
  if (unlisted > 0) {
    $('people-list').append(h('li', { class: 'person audience', 'data-audience': String(unlisted) },
      h('span', { class: 'avatar avatar-small' }, String(unlisted)),
      h('div', { class: 'person-main' },
        h('span', { class: 'person-name' }, unlisted === 1 ? '1 viewer' : `${unlisted} viewers`),
        h('span', { class: 'person-role' }, 'watching'))));
  }
}

function mediaIcons(p, state) {
  const audioHeard = p.forwarded.audio;
  const micOff = !p.audioOn || p.forceMuted.audio;
  const gated = !micOff && !audioHeard && state.settings.audioPolicy === 'floor';
  return h('span', { class: 'person-icons' },
    h('span', { class: `icon ${micOff ? 'off' : gated ? 'gated' : ''}`, html: ICONS[micOff ? 'mic-off' : 'mic'],
      title: p.forceMuted.audio ? 'Microphone muted by a moderator' : micOff ? 'Microphone off' : gated ? 'Microphone on, not heard (floor mode)' : 'Heard' }),
    p.forceMuted.audio ? h('span', { class: 'lock', title: 'Muted by a moderator' }, icon('lock')) : null,
    h('span', { class: `icon ${!p.videoOn || p.forceMuted.video ? 'off' : ''}`, html: ICONS[!p.videoOn || p.forceMuted.video ? 'cam-off' : 'cam'],
      title: p.forceMuted.video ? 'Camera stopped by a moderator' : p.videoOn ? 'Camera on' : 'Camera off' }));
}

function menu(view, p) {
  const item = (label, type, fields, cls = '') => h('button', { type: 'button', class: `menu-item ${cls}`,
    onclick: (e) => { e.currentTarget.closest('details').open = false; view.send(type, { participantId: p.participantId, ...fields }); } }, label);
  const items = [];
  if (p.role === 'minister') {
    items.push(item('Give the floor', 'grantFloor', allotted()));
    items.push(p.queuePosition ? item('Put at head of queue', 'moveToHead', {}) : item('Add to queue (at head)', 'moveToHead', {}));
    items.push(item('Ask to mute', 'requestMute', { kind: 'audio' }));
    items.push(p.forceMuted.audio ? item('Allow microphone', 'liftForceMute', { kind: 'audio' }) : item('Mute microphone (lock)', 'forceMute', { kind: 'audio' }));
    items.push(item('Ask to turn off camera', 'requestMute', { kind: 'video' }));
    items.push(p.forceMuted.video ? item('Allow camera', 'liftForceMute', { kind: 'video' }) : item('Stop camera (lock)', 'forceMute', { kind: 'video' }));
    items.push(item('Make viewer', 'changeRole', { role: 'viewer' }));
  } else if (p.role === 'viewer') {
    items.push(item('Make minister', 'changeRole', { role: 'minister' }));
  }
  items.push(item('Remove', 'removeParticipant', { ban: false }, 'danger'));
  items.push(item('Remove and ban', 'removeParticipant', { ban: true }, 'danger'));
  return h('details', { class: 'menu' }, h('summary', { class: 'icon-btn', title: `Actions for ${p.name}`, 'aria-label': `Actions for ${p.name}` }, '⋯'),
    h('div', { class: 'menu-list' }, items));
}

function renderConsole(view, moderator) {
  const card = $('console');
  card.hidden = !moderator;
  if (!moderator) return;
  const s = view.state.settings;
  const segment = (name, value, label, current, send) => h('button', { type: 'button', class: `seg${current === value ? ' on' : ''}`,
    'aria-pressed': String(current === value), 'data-setting': `${name}:${value}`, onclick: send }, label);
  card.replaceChildren(
    h('div', { class: 'card-head' }, h('h3', {}, 'Console')),
    h('div', { class: 'setting' }, h('span', { class: 'setting-label' }, 'Who is heard'),
      h('div', { class: 'segmented' },
        segment('audioPolicy', 'open', 'Everyone', s.audioPolicy, () => view.send('changeSettings', { audioPolicy: 'open' })),
        segment('audioPolicy', 'floor', 'Floor holder', s.audioPolicy, () => view.send('changeSettings', { audioPolicy: 'floor' })))),
    h('div', { class: 'setting' }, h('span', { class: 'setting-label' }, 'When time is up'),
      h('div', { class: 'segmented' },
        segment('expiryPolicy', 'notify', 'Notify', s.expiryPolicy, () => view.send('changeSettings', { expiryPolicy: 'notify' })),
        segment('expiryPolicy', 'mute-and-next', 'Mute & next', s.expiryPolicy, () => view.send('changeSettings', { expiryPolicy: 'mute-and-next' })))),
    h('div', { class: 'setting' }, h('span', { class: 'setting-label' }, 'Speaking time'),
      h('label', { class: 'inline-field' }, h('input', { type: 'number', min: '0.25', step: '0.25', value: String(s.defaultAllottedSeconds / 60),
        onchange: (e) => { const m = Number(e.target.value); if (m > 0) view.send('changeSettings', { defaultAllottedSeconds: Math.round(m * 60) }); } }), 'min')),
    h('div', { class: 'setting' }, h('span', { class: 'setting-label' }, 'Lobby'),
      h('div', { class: 'segmented' },
        segment('lobby', true, 'Ministers', s.lobbyForMinisters, () => view.send('changeSettings', { lobbyForMinisters: !s.lobbyForMinisters })),
        segment('lobbyViewers', true, 'Viewers', s.lobbyForViewers, () => view.send('changeSettings', { lobbyForViewers: !s.lobbyForViewers })))),
    h('div', { class: 'setting-label group-label' }, 'All ministers'),
    h('div', { class: 'actions' },
      allButton(view, 'forceMute', 'audio', 'mute-all-audio', 'Mute mics', 'Mute every minister\'s microphone; they cannot unmute until you allow it'),
      allButton(view, 'liftForceMute', 'audio', 'allow-all-audio', 'Allow mics', 'Let every minister whose microphone you muted unmute again'),
      allButton(view, 'forceMute', 'video', 'mute-all-video', 'Cameras off', 'Cameras off for all ministers; they cannot restart them until you allow it'),
      allButton(view, 'liftForceMute', 'video', 'allow-all-video', 'Allow cameras', 'Let every minister whose camera you stopped restart it'),
      allButton(view, 'requestMute', 'audio', 'ask-all-audio', 'Ask to mute', 'Ask every minister to turn off the microphone', ' wide')),
    h('div', { class: 'setting-label group-label' }, 'Roundtable'),
    h('div', { class: 'actions' },
      h('button', { class: 'btn btn-small', type: 'button', onclick: () => view.openRecord('html') }, 'Official record'),
      h('button', { class: 'btn btn-small', type: 'button', onclick: () => view.openRecord('csv') }, 'Record as CSV'),
      h('button', { class: `btn btn-small wide${s.locked ? ' btn-warn' : ''}`, type: 'button', 'aria-pressed': String(s.locked),
        title: 'A locked roundtable lets only moderators in', onclick: () => view.send('setLocked', { locked: !s.locked }) },
        icon('lock'), s.locked ? 'Unlock' : 'Lock'),
      h('button', { class: 'btn btn-small btn-danger wide', type: 'button', 'data-action': 'end',
        onclick: () => { if (confirm('End the roundtable for everyone?')) view.send('endRoundtable'); } }, 'End the roundtable for everyone')),
  );
}

/** A console button that applies one moderation command of {@code kind} to every minister. */
function allButton(view, type, kind, action, label, title, cls = '') {
  return h('button', { class: `btn btn-small${cls}`, type: 'button', 'data-action': action, title,
    onclick: () => view.send(type, { allMinisters: true, kind }) }, label);
}

function renderStageBanner(view) {
  const { state, selfId } = view;
  const banner = $('floor-banner');
  const floor = state.floor;
  banner.hidden = !floor;
  document.querySelectorAll('#grid .tile').forEach((tile) => tile.classList.toggle('has-floor', !!floor && tile.dataset.participantId === floor.participantId));
  $('self-view').classList.toggle('has-floor', !!floor && floor.participantId === selfId);
  if (!floor) return;
  const mine = floor.participantId === selfId;
  banner.classList.toggle('mine', mine);
  banner.replaceChildren(
    h('span', { class: 'floor-dot' }),
    h('span', { class: 'floor-text', 'data-testid': 'floor-banner' }, mine ? 'You have the floor' : `${nameOf(state, floor.participantId)} has the floor`),
    h('span', { class: 'countdown', 'data-deadline': floor.deadline, 'data-allotted': floor.allottedSeconds }, ''),
    h('span', { class: 'progress' }, h('span', { class: 'progress-bar', 'data-deadline': floor.deadline, 'data-allotted': floor.allottedSeconds })));
  tick(view);
}

/** Updates every countdown and progress bar on the page; call often. */
export function tick(view) {
  for (const el of document.querySelectorAll('[data-deadline]')) {
    const remaining = (Date.parse(el.dataset.deadline) - serverNow(view)) / 1000;
    const allotted = Number(el.dataset.allotted);
    const state = remaining < 0 ? 'over' : remaining <= Math.min(60, allotted / 4) ? 'warn' : 'ok';
    if (el.classList.contains('progress-bar')) {
      el.style.width = `${Math.max(0, Math.min(100, (remaining / allotted) * 100))}%`;
      el.dataset.state = state;
    } else {
      el.textContent = remaining < 0 ? `overtime ${clock(remaining)}` : clock(remaining);
      el.dataset.state = state;
    }
  }
}

function initials(name) {
  const parts = String(name ?? '?').trim().split(/\s+/).filter(Boolean);
  return (parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? '?').slice(0, 2)).toUpperCase();
}
