package org.roundtable.signaling.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.roundtable.moderation.Outcome;
import org.roundtable.moderation.record.OfficialRecord;
import org.roundtable.moderation.record.RecordCsv;
import org.roundtable.moderation.record.RecordHtml;
import org.roundtable.moderation.record.RecordJson;
import org.roundtable.signaling.auth.JoinClaims;
import org.roundtable.signaling.auth.JoinTokens;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.auth.TokenRejectedException;
import org.roundtable.signaling.message.ErrorCode;
import org.roundtable.signaling.metrics.SignalingMetrics;
import org.roundtable.signaling.moderation.CommandParser;
import org.roundtable.signaling.moderation.ModerationJson;
import org.roundtable.signaling.moderation.RoomModeration;
import org.roundtable.signaling.protocol.RequestException;
import org.roundtable.signaling.room.RoundtableDirectory;

/**
 * The moderation HTTP API for organisers' systems ({@code docs/api.md}): the roundtable's state,
 * every moderation command, and the official record, authorised by a moderator join token of that
 * room as {@code Authorization: Bearer}. Commands run exactly as over the WebSocket (same parser,
 * same domain, same broadcast), in the name of the token's participant id. Signaling event loop.
 */
final class ModerationApi {

    private static final Logger LOG = Logger.getLogger(ModerationApi.class.getName());
    private static final String BASE = "/api/roundtables/:room";
    private static final int MAX_BODY = 64 * 1024;

    private final JoinTokens tokens;
    private final RoundtableDirectory directory;
    private final SignalingMetrics metrics;

    ModerationApi(JoinTokens tokens, RoundtableDirectory directory, SignalingMetrics metrics) {
        this.tokens = tokens;
        this.directory = directory;
        this.metrics = metrics;
    }

    void mount(Router router) {
        router.get(BASE).handler(ctx -> authorised(ctx, (claims, room) -> state(ctx, room)));
        router.get(BASE + "/record").handler(ctx -> authorised(ctx, (claims, room) -> record(ctx, room)));
        router.post(BASE + "/:command").handler(BodyHandler.create().setBodyLimit(MAX_BODY))
                .handler(ctx -> authorised(ctx, (claims, room) -> command(ctx, claims, room)));
    }

    private interface Action {
        void run(JoinClaims claims, RoomModeration room);
    }

    /** 401 without a valid token, 403 for a token that is not a moderator's of this room. */
    private void authorised(RoutingContext ctx, Action action) {
        String room = ctx.pathParam("room");
        String authorization = ctx.request().getHeader("Authorization");
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7) : null;
        // Verification may complete on another thread: continue on the event loop that owns the roundtables.
        Context loop = ctx.vertx().getOrCreateContext();
        tokens.verify(token).onComplete(result -> loop.runOnContext(v -> {
            if (result.failed()) {
                String reason = result.cause() instanceof TokenRejectedException t ? t.reason() : "invalid";
                metrics.tokenRejected(reason);
                fail(ctx, 401, ErrorCode.INVALID_TOKEN, result.cause().getMessage());
                return;
            }
            JoinClaims claims = result.result();
            if (claims.role() != Role.MODERATOR || !claims.room().equals(room)) {
                fail(ctx, 403, ErrorCode.NOT_ALLOWED, "this API needs a moderator token of roundtable '" + room + "'");
                return;
            }
            action.run(claims, directory.moderation(room));
        }));
    }

    private void state(RoutingContext ctx, RoomModeration room) {
        room.read(domain -> domain.snapshot()).onComplete(result -> {
            if (result.failed()) {
                unavailable(ctx, result.cause());
            } else {
                ctx.json(ModerationJson.snapshot(result.result()));
            }
        });
    }

    private void command(RoutingContext ctx, JoinClaims claims, RoomModeration room) {
        String type = ctx.pathParam("command");
        if (!CommandParser.knows(type)) {
            fail(ctx, 404, ErrorCode.UNKNOWN_TYPE, "unknown command '" + type + "'; see docs/api.md");
            return;
        }
        CommandParser.Parsed parsed;
        try {
            String text = ctx.body().asString();
            JsonObject body = text == null || text.isBlank() ? new JsonObject() : new JsonObject(text);
            parsed = CommandParser.parse(type, body);
        } catch (DecodeException | ClassCastException e) {
            fail(ctx, 400, ErrorCode.BAD_JSON, "the body must be a JSON object");
            return;
        } catch (RequestException e) {
            fail(ctx, 400, e.code(), e.getMessage());
            return;
        }
        Future<org.roundtable.signaling.moderation.Step> step;
        try {
            step = room.submit(domain -> domain.handleAsOrganiser(claims.participantId(),
                    parsed.build(domain.state().settings())));
        } catch (RequestException e) {
            fail(ctx, 400, e.code(), e.getMessage());
            return;
        }
        step.onComplete(result -> {
            if (result.failed()) {
                Throwable cause = result.cause();
                if (cause instanceof RequestException bad) {
                    fail(ctx, 400, bad.code(), bad.getMessage());
                } else {
                    unavailable(ctx, cause);
                }
                return;
            }
            if (result.result().outcome() instanceof Outcome.Rejected rejected) {
                fail(ctx, 409, ModerationJson.errorCode(rejected.code()), rejected.message());
                return;
            }
            ctx.json(new JsonObject()
                    .put("events", ModerationJson.events(result.result().outcome().events()))
                    .put("state", ModerationJson.snapshot(result.result().snapshot())));
        });
    }

    private void record(RoutingContext ctx, RoomModeration room) {
        String format = ctx.request().getParam("format", "json");
        String table = ctx.request().getParam("table", "interventions");
        if (!format.equals("json") && !format.equals("csv") && !format.equals("html")) {
            fail(ctx, 400, ErrorCode.BAD_FIELD, "format must be json, csv or html");
            return;
        }
        if (!table.equals("interventions") && !table.equals("participants")) {
            fail(ctx, 400, ErrorCode.BAD_FIELD, "table must be interventions or participants");
            return;
        }
        room.read(domain -> domain.record()).onComplete(result -> {
            if (result.failed()) {
                unavailable(ctx, result.cause());
                return;
            }
            OfficialRecord record = result.result();
            String name = "roundtable-" + record.room();
            switch (format) {
                case "csv" -> ctx.response()
                        .putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"" + name + "-" + table + ".csv\"")
                        .end(table.equals("participants") ? RecordCsv.participants(record) : RecordCsv.interventions(record));
                case "html" -> ctx.response()
                        .putHeader("Content-Type", "text/html; charset=utf-8")
                        .end(RecordHtml.render(record));
                default -> ctx.response()
                        .putHeader("Content-Type", "application/json")
                        .end(RecordJson.render(record));
            }
        });
    }

    private static void unavailable(RoutingContext ctx, Throwable cause) {
        LOG.log(Level.WARNING, "roundtable API failed", cause);
        fail(ctx, 503, "journal-unavailable", "the roundtable is unavailable: " + cause.getMessage());
    }

    private static void fail(RoutingContext ctx, int status, String code, String message) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", code).put("message", message).encode());
    }
}
