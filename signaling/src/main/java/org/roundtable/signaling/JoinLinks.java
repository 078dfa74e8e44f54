package org.roundtable.signaling;

/** Join links: the room page with the token in its query. */
public final class JoinLinks {

    private JoinLinks() {
    }

    public static String url(String baseUrl, String token) {
        return baseUrl + "/room?token=" + token;
    }
}
