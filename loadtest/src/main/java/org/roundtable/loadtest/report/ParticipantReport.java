package org.roundtable.loadtest.report;

/**
 * One simulated participant's fate. Immutable.
 *
 * @param joinToFirstMediaMs time from opening the WebSocket to the first media packet received, or -1 if none came
 * @param error              why it failed to join or dropped out, or null
 */
public record ParticipantReport(String name, String role, boolean joined, double joinToFirstMediaMs,
                                int tracksSubscribed, int tracksReceiving, long packetsSent, String error) {
}
