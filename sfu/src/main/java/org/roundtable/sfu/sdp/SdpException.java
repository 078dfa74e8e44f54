package org.roundtable.sfu.sdp;

import org.roundtable.sfu.api.MediaException;

/** A session description we cannot parse or will not accept; code {@code bad-sdp}, message names the line or rule. Immutable: any thread. */
public final class SdpException extends MediaException {
    public static final String CODE = "bad-sdp";
    private static final int MAX_QUOTED_LINE = 80;

    public SdpException(String message) {
        super(CODE, message);
    }

    /** Problem on one line: the message quotes the line (shortened) and its 1-based number. */
    static SdpException atLine(int lineNumber, String line, String problem) {
        String quoted = line.length() > MAX_QUOTED_LINE ? line.substring(0, MAX_QUOTED_LINE) + "..." : line;
        return new SdpException("line " + lineNumber + " '" + quoted + "': " + problem);
    }
}
