package org.roundtable.signaling.room;

import io.vertx.core.Context;

import org.roundtable.sfu.api.ConferenceListener;
import org.roundtable.sfu.api.TrackInfo;

/** Carries media-worker events over to the signaling event loop before they touch a roundtable. Any thread. */
final class ContextConferenceListener implements ConferenceListener {

    private final Context context;
    private volatile Roundtable roundtable;

    ContextConferenceListener(Context context) {
        this.context = context;
    }

    void bind(Roundtable roundtable) {
        this.roundtable = roundtable;
    }

    @Override
    public void onTrackAdded(TrackInfo track) {
        context.runOnContext(v -> roundtable.onTrackAdded(track));
    }

    @Override
    public void onTrackRemoved(TrackInfo track) {
        context.runOnContext(v -> roundtable.onTrackRemoved(track));
    }

    @Override
    public void onEndpointExpired(String endpointId, String reason) {
        context.runOnContext(v -> roundtable.onEndpointExpired(endpointId, reason));
    }
}
