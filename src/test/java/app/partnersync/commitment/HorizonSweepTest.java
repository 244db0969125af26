package app.partnersync.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Commitments;
import app.partnersync.support.Pairs;
import app.partnersync.support.ResetTestClockAfterEach;
import app.partnersync.support.Sql;
import app.partnersync.support.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The hourly sweep keeps recurring commitments' occurrences a horizon ahead, page by page, and only those. */
@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
class HorizonSweepTest {

    @Inject
    TestClock clock;

    @Inject
    CommitmentSweeps sweeps;

    @Inject
    AgroalDataSource database;

    @Test
    void recurringCommitmentsAreExtendedPageByPageAndOneOffsLeftAlone() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        List<UUID> daily = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            daily.add(UUID.fromString(Commitments.create(
                            pair,
                            Map.of(
                                    "title",
                                    "Walk together " + i,
                                    "promisedBy",
                                    List.of(pair.inviter().accountId()),
                                    "category",
                                    "chore",
                                    "recurrence",
                                    Map.of(
                                            "frequency", "daily",
                                            "time", "08:00",
                                            "startsOn",
                                                    LocalDate.now(ZoneOffset.UTC)
                                                            .toString())))
                    .getString("id")));
        }
        UUID oneOff = UUID.fromString(
                Commitments.oneOff(pair, pair.inviter(), Instant.now().plus(Duration.ofHours(1)), Map.of())
                        .getString("id"));
        for (UUID id : daily) {
            assertTrue(count(id) >= 14, "made with a horizon of 14 days of occurrences");
        }

        clock.advance(Duration.ofDays(10));
        int created = sweeps.extendHorizon(1); // one id per page: every page boundary is crossed

        assertTrue(created >= 30, "ten more days for each of the three, across pages: " + created);
        Instant horizon = clock.instant().plus(Duration.ofDays(13));
        for (UUID id : daily) {
            assertTrue(lastDue(id).isAfter(horizon), "extended to the horizon again");
        }
        assertEquals(1, count(oneOff), "a one-off keeps its single occurrence");
        assertEquals(0, sweeps.extendHorizon(), "a second run at the same time has nothing to add");
    }

    private long count(UUID commitmentId) throws Exception {
        return Sql.count(database, "select count(*) from occurrence where commitment_id = ?", commitmentId);
    }

    private Instant lastDue(UUID commitmentId) throws Exception {
        return ((java.sql.Timestamp)
                        Sql.value(database, "select max(due_at) from occurrence where commitment_id = ?", commitmentId))
                .toInstant();
    }
}
