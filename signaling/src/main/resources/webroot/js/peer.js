// Both peer connections share this configuration: one bundled transport, rtcp-mux, and no STUN or
// TURN servers (the server is a full ICE agent that learns the browser's address from its checks).
export const PEER_CONFIG = Object.freeze({
  bundlePolicy: 'max-bundle',
  rtcpMuxPolicy: 'require',
  iceServers: [],
});
