package org.roundtable.signaling;

import java.lang.reflect.InvocationTargetException;

import org.roundtable.sfu.api.MediaServer;
import org.roundtable.sfu.api.SfuConfig;

/**
 * Starts the media plane, {@code org.roundtable.sfu.SfuServer.start(SfuConfig)}. Looked up by
 * name while the sfu module's implementation lands on its own branch; becomes a direct call once
 * merged.
 */
final class MediaServerLauncher {

    static final String IMPLEMENTATION = "org.roundtable.sfu.SfuServer";

    private MediaServerLauncher() {
    }

    static MediaServer start(SfuConfig config) {
        try {
            Class<?> type = Class.forName(IMPLEMENTATION);
            return (MediaServer) type.getMethod("start", SfuConfig.class).invoke(null, config);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IllegalStateException("this build contains no media server (" + IMPLEMENTATION + ".start(SfuConfig))", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("media server failed to start: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
