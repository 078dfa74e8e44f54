import { PEER_CONFIG } from './peer.js';

/**
 * Publish connection: the browser offers its camera and microphone sendonly, the server answers
 * recvonly. Returns the RTCPeerConnection.
 */
export async function publish(client, stream) {
  const pc = new RTCPeerConnection(PEER_CONFIG);
  for (const track of stream.getTracks()) {
    pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
  }
  await pc.setLocalDescription(await pc.createOffer());
  const reply = await client.request({ type: 'publish', sdp: pc.localDescription.sdp });
  await pc.setRemoteDescription({ type: 'answer', sdp: reply.sdp });
  return pc;
}

/** Camera and microphone, modest by default: a roundtable grid rarely shows a tile above 640 wide. */
export function captureLocalMedia() {
  return navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    video: { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 24 } },
  });
}
