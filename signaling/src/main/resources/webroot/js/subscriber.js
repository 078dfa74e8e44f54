import { PEER_CONFIG } from './peer.js';

/**
 * Subscribe connection. The server lists the tracks this participant should receive ("tracks");
 * for every new one the browser adds a recvonly transceiver, turns the ones no longer listed
 * inactive, and offers, with a mid -> trackId map. Inactive transceivers are reused for later
 * tracks of the same kind rather than stopped: stopping them all would leave a max-bundle offer
 * without a BUNDLE group, which Chromium refuses. Negotiations run one at a time; a list that
 * changes meanwhile is negotiated right after.
 */
export class Subscriber {
  #client;
  #events;
  #entries = new Map(); // trackId -> { info, transceiver }
  #spare = []; // inactive transceivers, reusable for a new track of their kind
  #wanted = [];
  #dirty = false;
  #busy = false;

  /** events: onTrack(info, MediaStreamTrack), onTrackRemoved(info, track), onError(error), onPeer(pc) */
  constructor(client, events) {
    this.#client = client;
    this.#events = events;
    this.pc = null;
    this.mids = {}; // mid -> trackId of the last negotiation (for stats)
  }

  update(tracks) {
    this.#wanted = tracks;
    this.#dirty = true;
    this.#drain();
  }

  /** What this page receives now: [{trackId, participantId, kind, mid}], for the console and tests. */
  received() {
    return [...this.#entries.values()].map(({ info, transceiver }) => ({ ...info, mid: transceiver.mid }));
  }

  close() {
    this.pc?.close();
    this.pc = null;
  }

  async #drain() {
    if (this.#busy) return;
    this.#busy = true;
    try {
      while (this.#dirty) {
        this.#dirty = false;
        await this.#negotiate(this.#wanted);
      }
    } catch (e) {
      this.#events.onError(e);
    } finally {
      this.#busy = false;
    }
  }

  async #negotiate(tracks) {
    const wanted = new Set(tracks.map((t) => t.trackId));
    let changed = false;
    for (const [trackId, entry] of this.#entries) {
      if (!wanted.has(trackId)) {
        entry.transceiver.direction = 'inactive';
        this.#spare.push(entry.transceiver);
        this.#entries.delete(trackId);
        this.#events.onTrackRemoved(entry.info, entry.transceiver.receiver.track);
        changed = true;
      }
    }
    const added = tracks.filter((t) => !this.#entries.has(t.trackId));
    if (added.length > 0 && !this.pc) {
      this.pc = new RTCPeerConnection(PEER_CONFIG);
      this.#events.onPeer(this.pc);
    }
    for (const info of added) {
      const transceiver = this.#reuse(info.kind) ?? this.pc.addTransceiver(info.kind, { direction: 'recvonly' });
      this.#entries.set(info.trackId, { info, transceiver });
      this.#events.onTrack(info, transceiver.receiver.track);
      changed = true;
    }
    if (!changed || !this.pc || this.pc.signalingState === 'closed') return;
    await this.pc.setLocalDescription(await this.pc.createOffer());
    const mids = {};
    for (const [trackId, { transceiver }] of this.#entries) {
      if (transceiver.mid !== null) mids[transceiver.mid] = trackId;
    }
    const reply = await this.#client.request({ type: 'subscribe', sdp: this.pc.localDescription.sdp, mids });
    this.mids = mids;
    await this.pc.setRemoteDescription({ type: 'answer', sdp: reply.sdp });
  }

  #reuse(kind) {
    const index = this.#spare.findIndex((t) => t.receiver.track.kind === kind);
    if (index < 0) return null;
    const [transceiver] = this.#spare.splice(index, 1);
    transceiver.direction = 'recvonly';
    return transceiver;
  }
}
