// DOM rendering for the room page: tiles, banners, status (the people panel is floor.js). No protocol here.
import { setIcon } from './icons.js';

const $ = (id) => document.getElementById(id);

export function initials(name) {
  const parts = String(name ?? '?').trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

const ROLE_LABEL = { moderator: 'Moderator', minister: 'Minister', viewer: 'Viewer' };

export function showHeader(room, role) {
  $('room-name').textContent = room;
  const badge = $('role-badge');
  badge.textContent = ROLE_LABEL[role] ?? role;
  badge.className = `badge badge-${role}`;
  document.body.dataset.role = role;
  document.title = `${room} · Roundtable`;
}

export function showStatus(kind, text) {
  const el = $('status');
  el.className = `status status-${kind}`;
  el.querySelector('.status-text').textContent = text;
  el.title = text;
}

/** Shows a banner; key replaces an earlier banner with the same key. */
export function showBanner(kind, text, key = text, action = null) {
  const host = $('banners');
  host.querySelector(`[data-key="${CSS.escape(key)}"]`)?.remove();
  const banner = document.createElement('div');
  banner.className = `banner banner-${kind}`;
  banner.dataset.key = key;
  banner.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  const body = document.createElement('div');
  body.className = 'banner-text';
  body.textContent = text;
  banner.append(body);
  if (action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-small';
    button.textContent = action.label;
    button.addEventListener('click', action.run);
    banner.append(button);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.setAttribute('aria-label', 'Dismiss');
  close.textContent = '✕';
  close.addEventListener('click', () => banner.remove());
  banner.append(close);
  host.append(banner);
}

export function clearBanner(key) {
  $('banners').querySelector(`[data-key="${CSS.escape(key)}"]`)?.remove();
}

/** One remote publisher's tile. */
export class Tile {
  constructor(participant, stream) {
    this.participantId = participant.participantId;
    this.el = document.createElement('figure');
    this.el.className = 'tile no-video';
    this.el.dataset.participantId = participant.participantId;
    this.video = document.createElement('video');
    this.video.autoplay = true;
    this.video.playsInline = true;
    this.video.srcObject = stream;
    const off = document.createElement('div');
    off.className = 'camera-off';
    this.avatar = document.createElement('span');
    this.avatar.className = 'avatar';
    off.append(this.avatar);
    const label = document.createElement('figcaption');
    label.className = 'tile-label';
    this.nameEl = document.createElement('span');
    this.nameEl.className = 'tile-name';
    this.roleEl = document.createElement('span');
    this.roleEl.className = 'tile-role';
    this.micEl = document.createElement('span');
    this.micEl.className = 'tile-icon';
    this.micEl.title = 'Microphone off';
    setIcon(this.micEl, 'mic-off');
    label.append(this.micEl, this.nameEl, this.roleEl);
    this.el.append(this.video, off, label);
    this.update(participant, false);
  }

  update(participant, hasLiveVideo) {
    this.nameEl.textContent = participant.name;
    this.roleEl.textContent = participant.role === 'moderator' ? 'Moderator' : '';
    this.avatar.textContent = initials(participant.name);
    this.micEl.hidden = !participant.audioMuted;
    this.el.classList.toggle('no-video', participant.videoMuted || !hasLiveVideo);
    this.el.classList.toggle('audio-muted', participant.audioMuted);
  }
}

export function layoutGrid(count) {
  const grid = $('grid');
  grid.className = `grid count-${Math.min(count, 3)}`;
  $('empty-stage').hidden = count > 0;
}

export function showEnded(title, text, actionLabel, action) {
  $('ended-title').textContent = title;
  $('ended-text').textContent = text;
  const button = $('btn-rejoin');
  button.textContent = actionLabel;
  button.onclick = action;
  $('ended').hidden = false;
}
