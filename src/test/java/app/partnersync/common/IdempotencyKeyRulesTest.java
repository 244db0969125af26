package app.partnersync.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import app.partnersync.common.IdempotencyStore.KeyStatus;
import app.partnersync.common.IdempotencyStore.StoredKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What presenting a stored Idempotency-Key again comes to: replay, in progress, mismatch, or taken over. */
class IdempotencyKeyRulesTest {

    private static final Instant NOW = Instant.parse("2030-05-01T12:00:00Z");
    private static final String HASH = "a1b2";

    private static StoredKey processing(String hash, Instant since) {
        return new StoredKey(hash, KeyStatus.processing, null, null, null, since, since);
    }

    private static StoredKey done(String hash, Instant at) {
        return new StoredKey(hash, KeyStatus.done, 201, "{\"Location\":\"/v1/x\"}", "{\"id\":\"x\"}", at, at);
    }

    @Test
    void anAnsweredKeyReplaysItsAnswerToTheSameRequest() {
        assertEquals(
                new IdempotencyStore.Replay(201, "{\"Location\":\"/v1/x\"}", "{\"id\":\"x\"}"),
                done(HASH, NOW.minus(Duration.ofHours(23))).presented(HASH, NOW));
    }

    @Test
    void aKeyUsedForAnotherRequestIsAMismatchWhetherAnsweredOrRunning() {
        assertInstanceOf(
                IdempotencyStore.Mismatch.class,
                done("other", NOW.minusSeconds(5)).presented(HASH, NOW));
        assertInstanceOf(
                IdempotencyStore.Mismatch.class,
                processing("other", NOW.minusSeconds(5)).presented(HASH, NOW));
    }

    @Test
    void aRunningRequestsKeyIsInProgressUntilItCountsAsAbandoned() {
        assertInstanceOf(
                IdempotencyStore.InProgress.class,
                processing(HASH, NOW.minusSeconds(1)).presented(HASH, NOW));
        assertInstanceOf(
                IdempotencyStore.InProgress.class,
                processing(HASH, NOW.minus(IdempotencyStore.ABANDONED)).presented(HASH, NOW));
        assertInstanceOf(
                IdempotencyStore.Claimed.class,
                processing(HASH, NOW.minus(IdempotencyStore.ABANDONED).minusMillis(1))
                        .presented(HASH, NOW));
    }

    @Test
    void anAbandonedKeyIsTakenOverOnlyByTheSameRequest() {
        assertInstanceOf(
                IdempotencyStore.Mismatch.class,
                processing("other", NOW.minusSeconds(600)).presented(HASH, NOW));
    }

    @Test
    void anExpiredKeyIsTakenOverByAnyRequest() {
        Instant longAgo = NOW.minus(IdempotencyStore.RETENTION).minusSeconds(1);
        assertInstanceOf(IdempotencyStore.Claimed.class, done("other", longAgo).presented(HASH, NOW));
        assertInstanceOf(IdempotencyStore.Claimed.class, done(HASH, longAgo).presented(HASH, NOW));
        assertInstanceOf(
                IdempotencyStore.Replay.class,
                done(HASH, NOW.minus(IdempotencyStore.RETENTION)).presented(HASH, NOW),
                "kept for exactly its retention");
    }
}
