package app.partnersync.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.partnersync.support.Api;
import app.partnersync.support.Commitments;
import app.partnersync.support.Pairs;
import app.partnersync.support.StatementCounter;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Goal progress costs the same statements for a page of two goals as for a page of ten: no query per goal. */
@QuarkusTest
class GoalsTest {

    @Inject
    @PersistenceUnitExtension
    StatementCounter counter;

    @Test
    void progressIsComputedPerPageNotPerGoal() {
        Pairs.Pair pair = Pairs.aPartnership();
        goals(pair, 1);
        int listFew = count(() -> list(pair, "/commitments"));
        int insightFew = count(() -> list(pair, "/insights/goals"));
        goals(pair, 4);

        assertEquals(listFew, count(() -> list(pair, "/commitments")), "the commitments page");
        assertEquals(insightFew, count(() -> list(pair, "/insights/goals")), "the goals insight");
        assertEquals(
                10,
                Api.as(pair.invitee())
                        .when()
                        .get("/v1/partnerships/{p}/insights/goals", pair.partnershipId())
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("goals")
                        .size());
    }

    /** {@code n} goals of each kind: one-off (the promiser's account zone) and recurring (its own zone). */
    private static void goals(Pairs.Pair pair, int n) {
        for (int i = 0; i < n; i++) {
            Commitments.oneOff(
                    pair,
                    pair.invitee(),
                    Instant.now().plus(Duration.ofDays(1 + i)),
                    Map.of("target", Map.of("count", 1, "windowDays", 7)));
            Commitments.create(
                    pair,
                    Map.of(
                            "title",
                            "Daily " + i,
                            "promisedBy",
                            List.of(pair.inviter().accountId()),
                            "recurrence",
                            Map.of(
                                    "frequency",
                                    "daily",
                                    "time",
                                    "07:00",
                                    "timeZone",
                                    "Asia/Tokyo",
                                    "startsOn",
                                    LocalDate.now(ZoneOffset.UTC).toString()),
                            "target",
                            Map.of("count", 5, "windowDays", 7)));
        }
    }

    private static void list(Pairs.Pair pair, String path) {
        Api.as(pair.invitee())
                .when()
                .get("/v1/partnerships/{p}" + path, pair.partnershipId())
                .then()
                .statusCode(200);
    }

    private int count(Runnable request) {
        counter.reset();
        request.run();
        return counter.statements().size();
    }
}
