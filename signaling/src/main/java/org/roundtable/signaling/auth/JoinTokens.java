package org.roundtable.signaling.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Issues and verifies HS256 join tokens carrying room, role, name, sub (participant id) and exp. Thread-safe. */
public final class JoinTokens {

    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);

    private final JWTAuth jwt;
    private final Clock clock;

    public JoinTokens(Vertx vertx, byte[] secret, Clock clock) {
        this.clock = clock;
        this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(Buffer.buffer(secret)))
                .setJWTOptions(new JWTOptions().setAlgorithm("HS256").setLeeway(0)));
    }

    /** Grants {@code role} in {@code room} to {@code name} for {@code validity} from now. */
    public String issue(String room, Role role, String name, Duration validity) {
        return issue(new JoinClaims(room, role, name, clock.instant().plus(validity)));
    }

    public String issue(JoinClaims claims) {
        JsonObject body = new JsonObject()
                .put("room", claims.room())
                .put("role", claims.role().wireName())
                .put("name", claims.name())
                .put("sub", claims.participantId())
                .put("exp", claims.expiresAt().getEpochSecond());
        return jwt.generateToken(body, new JWTOptions().setAlgorithm("HS256"));
    }

    /** Completes with the claims, or fails with {@link TokenRejectedException}. */
    public Future<JoinClaims> verify(String token) {
        if (token == null || token.isBlank()) {
            return Future.failedFuture(new TokenRejectedException("missing", "no join token given"));
        }
        return jwt.authenticate(new TokenCredentials(token.strip()))
                .recover(failure -> Future.failedFuture(classify(failure)))
                .compose(user -> {
                    try {
                        return Future.succeededFuture(toClaims(user.principal(), expiry(user)));
                    } catch (RuntimeException e) {
                        return Future.failedFuture(new TokenRejectedException("bad-claims",
                                "join token claims are unusable: " + e.getMessage()));
                    }
                });
    }

    private static TokenRejectedException classify(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        if (message.toLowerCase().contains("expired")) {
            return new TokenRejectedException("expired", "join token has expired");
        }
        return new TokenRejectedException("invalid", "join token is not valid for this server");
    }

    /** Vert.x moves the verified exp out of the principal into the user's attributes. */
    private static Long expiry(io.vertx.ext.auth.User user) {
        Long exp = user.principal().getLong("exp");
        if (exp == null) {
            exp = user.attributes().getLong("exp");
        }
        if (exp == null && user.attributes().getJsonObject("accessToken") != null) {
            exp = user.attributes().getJsonObject("accessToken").getLong("exp");
        }
        return exp;
    }

    private static JoinClaims toClaims(JsonObject principal, Long exp) {
        Role role = Role.fromWire(principal.getString("role"))
                .orElseThrow(() -> new IllegalArgumentException("role must be moderator, minister or viewer"));
        if (exp == null) {
            throw new IllegalArgumentException("exp is required");
        }
        Object sub = principal.getValue("sub");
        if (sub != null && !(sub instanceof String)) {
            throw new IllegalArgumentException("sub must be a string");
        }
        return new JoinClaims(principal.getString("room"), role, principal.getString("name"), Instant.ofEpochSecond(exp),
                (String) sub);
    }
}
