package org.roundtable.signaling.auth;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JoinTokensTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private TokenRejectedException rejection(JoinTokens tokens, String token) {
        Exception e = assertThrows(Exception.class, () -> tokens.verify(token).await(10, TimeUnit.SECONDS));
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        return (TokenRejectedException) cause;
    }

    @Test
    void aTokenCarriesRoomRoleNameAndExpiry() throws Exception {
        Instant now = Instant.now();
        JoinTokens tokens = new JoinTokens(vertx, SECRET, at(now));
        String token = tokens.issue("council", Role.MINISTER, "Ana María", Duration.ofHours(24));
        JoinClaims claims = tokens.verify(token).await(10, TimeUnit.SECONDS);
        assertEquals(new JoinClaims("council", Role.MINISTER, "Ana María", Instant.ofEpochSecond(now.plus(Duration.ofHours(24)).getEpochSecond())), claims);
    }

    @Test
    void theParticipantIdIsTheSubClaimElseDerivedFromRoomAndName() throws Exception {
        Instant now = Instant.now();
        JoinTokens tokens = new JoinTokens(vertx, SECRET, at(now));
        Instant exp = Instant.ofEpochSecond(now.plus(Duration.ofHours(1)).getEpochSecond());
        JoinClaims explicit = new JoinClaims("council", Role.MINISTER, "Ana", exp, "ana-ruiz");
        assertEquals("ana-ruiz", tokens.verify(tokens.issue(explicit)).await(10, TimeUnit.SECONDS).participantId());

        String derived = JoinClaims.derivedId("council", "Ana");
        assertEquals(derived, new JoinClaims("council", Role.VIEWER, " Ana ", exp).participantId(), "same person whatever the role");
        assertEquals(14, derived.length());
        assertEquals(false, derived.equals(JoinClaims.derivedId("other", "Ana")), "ids differ between rooms");

        JWTAuth foreign = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
                .setAlgorithm("HS256").setBuffer(Buffer.buffer(SECRET))));
        String withoutSub = foreign.generateToken(new JsonObject().put("room", "council").put("role", "minister")
                .put("name", "Ana").put("exp", exp.getEpochSecond()), new JWTOptions().setAlgorithm("HS256"));
        assertEquals(derived, tokens.verify(withoutSub).await(10, TimeUnit.SECONDS).participantId());
        String badSub = foreign.generateToken(new JsonObject().put("room", "council").put("role", "minister")
                .put("name", "Ana").put("sub", "has spaces").put("exp", exp.getEpochSecond()), new JWTOptions().setAlgorithm("HS256"));
        assertEquals("bad-claims", rejection(tokens, badSub).reason());
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() {
        JoinTokens issuedYesterday = new JoinTokens(vertx, SECRET, at(Instant.now().minus(Duration.ofDays(2))));
        String token = issuedYesterday.issue("council", Role.VIEWER, "Vic", Duration.ofHours(24));
        JoinTokens today = new JoinTokens(vertx, SECRET, Clock.systemUTC());
        assertEquals("expired", rejection(today, token).reason());
    }

    @Test
    void aTokenOfAnotherServerIsRefusedAsInvalid() {
        JoinTokens other = new JoinTokens(vertx, "another-secret-another-secret-xx".getBytes(), Clock.systemUTC());
        String token = other.issue("council", Role.MODERATOR, "Eve", Duration.ofHours(1));
        JoinTokens ours = new JoinTokens(vertx, SECRET, Clock.systemUTC());
        assertEquals("invalid", rejection(ours, token).reason());
        assertEquals("invalid", rejection(ours, "not.a.jwt").reason());
        assertEquals("invalid", rejection(ours, token.substring(0, token.length() - 3) + "abc").reason());
        assertEquals("missing", rejection(ours, "").reason());
        assertEquals("missing", rejection(ours, null).reason());
    }

    @Test
    void aCorrectlySignedTokenWithUnusableClaimsIsRefused() {
        JWTAuth raw = JWTAuth.create(vertx, new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(Buffer.buffer(SECRET))));
        long exp = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
        String king = raw.generateToken(new JsonObject().put("room", "council").put("role", "king").put("name", "K").put("exp", exp),
                new JWTOptions().setAlgorithm("HS256"));
        String noRoom = raw.generateToken(new JsonObject().put("role", "viewer").put("name", "K").put("exp", exp),
                new JWTOptions().setAlgorithm("HS256"));
        JoinTokens ours = new JoinTokens(vertx, SECRET, Clock.systemUTC());
        assertEquals("bad-claims", rejection(ours, king).reason());
        assertEquals("bad-claims", rejection(ours, noRoom).reason());
    }

    @Test
    void claimsAreValidatedWhenIssued() {
        JoinTokens tokens = new JoinTokens(vertx, SECRET, Clock.systemUTC());
        assertThrows(IllegalArgumentException.class, () -> tokens.issue("no spaces allowed", Role.VIEWER, "V", Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> tokens.issue("council", Role.VIEWER, " ", Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> tokens.issue("council", Role.VIEWER, "x".repeat(65), Duration.ofHours(1)));
    }
}
