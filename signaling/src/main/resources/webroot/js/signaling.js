// The WebSocket to the Roundtable server: JSON messages, request/reply by "id" (docs/protocol.md).

export class SignalingError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

export class SignalingClient {
  #socket;
  #nextId = 1;
  #pending = new Map();
  #listeners = new Map();

  constructor(url) {
    this.url = url;
  }

  /** Resolves when the socket is open. */
  connect() {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url);
      this.#socket = socket;
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('message', (event) => this.#receive(event.data));
      socket.addEventListener('close', (event) => {
        for (const { reject: fail } of this.#pending.values()) {
          fail(new SignalingError('closed', 'connection to the server closed'));
        }
        this.#pending.clear();
        this.#emit('close', { code: event.code, reason: event.reason });
        reject(new SignalingError('closed', 'could not connect to the server'));
      });
    });
  }

  /** Registers fn for messages of a type ('welcome', 'tracks', ...), or 'close'. */
  on(type, fn) {
    if (!this.#listeners.has(type)) this.#listeners.set(type, []);
    this.#listeners.get(type).push(fn);
    return this;
  }

  send(message) {
    if (this.#socket?.readyState === WebSocket.OPEN) {
      this.#socket.send(JSON.stringify(message));
    }
  }

  /** Sends message with a fresh id; resolves with the reply carrying that id, rejects on an error reply. */
  request(message) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.send({ ...message, id });
    });
  }

  close() {
    this.#socket?.close(1000, 'bye');
  }

  #receive(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      console.warn('roundtable: unreadable message from server', text);
      return;
    }
    const waiting = message.id !== undefined && this.#pending.get(message.id);
    if (waiting) {
      this.#pending.delete(message.id);
      if (message.type === 'error') {
        waiting.reject(new SignalingError(message.code, message.message));
      } else {
        waiting.resolve(message);
      }
    }
    if (!waiting || message.type !== 'error') {
      this.#emit(message.type, message);
    }
  }

  #emit(type, payload) {
    for (const fn of this.#listeners.get(type) ?? []) {
      try {
        fn(payload);
      } catch (e) {
        console.error('roundtable: handler for', type, 'failed', e);
      }
    }
  }
}
