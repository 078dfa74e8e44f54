package org.roundtable.signaling.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.roundtable.sfu.api.MediaServer;
import org.roundtable.signaling.auth.JoinTokens;
import org.roundtable.signaling.auth.TokenRejectedException;
import org.roundtable.signaling.message.ErrorCode;
import org.roundtable.signaling.metrics.SignalingMetrics;
import org.roundtable.signaling.room.RoundtableDirectory;

/** The HTTP side: web client pages, health, metrics, token check. Signaling event loop. */
public final class HttpRoutes {

    private HttpRoutes() {
    }

    public static Router create(Vertx vertx, JoinTokens tokens, SignalingMetrics metrics, MediaServer media,
                                RoundtableDirectory directory, Clock clock) {
        Instant started = clock.instant();
        Router router = Router.router(vertx);
        router.get("/health").handler(ctx -> ctx.json(new JsonObject()
                .put("status", "ok")
                .put("uptimeSeconds", Duration.between(started, clock.instant()).toSeconds())
                .put("roundtables", directory.roundtables())
                .put("conferences", media.conferenceCount())));
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", metrics.contentType())
                .end(metrics.scrape()));
        router.get("/api/whoami").handler(ctx -> whoami(ctx, tokens, metrics));
        new ModerationApi(tokens, directory, metrics).mount(router);
        router.get("/room").handler(ctx -> ctx.reroute("/room.html"));
        router.route().handler(StaticHandler.create("webroot").setIndexPage("index.html").setCachingEnabled(false));
        return router;
    }

    /** Checks a join token (query {@code token} or {@code Authorization: Bearer}); 401 JSON if refused. */
    private static void whoami(RoutingContext ctx, JoinTokens tokens, SignalingMetrics metrics) {
        String token = ctx.request().getParam("token");
        String authorization = ctx.request().getHeader("Authorization");
        if (token == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = authorization.substring(7);
        }
        tokens.verify(token)
                .onSuccess(claims -> ctx.json(new JsonObject()
                        .put("room", claims.room())
                        .put("role", claims.role().wireName())
                        .put("name", claims.name())
                        .put("expiresAt", claims.expiresAt().toString())))
                .onFailure(failure -> {
                    String reason = failure instanceof TokenRejectedException t ? t.reason() : "invalid";
                    metrics.tokenRejected(reason);
                    ctx.response().setStatusCode(401)
                            .putHeader("Content-Type", "application/json")
                            .end(new JsonObject()
                                    .put("error", ErrorCode.INVALID_TOKEN)
                                    .put("reason", reason)
                                    .put("message", failure.getMessage()).encode());
                });
    }
}
