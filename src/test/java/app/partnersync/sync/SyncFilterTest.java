package app.partnersync.sync;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.Commitments;
import app.partnersync.support.Pairs;
import app.partnersync.support.SignedIn;
import app.partnersync.support.SyncFeed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Filtered pulls ({@code types}, {@code partnershipId}): what a widget following one partnership's commitments gets. */
@QuarkusTest
class SyncFilterTest {

    /** Mara in two partnerships: with Jonas ({@code home}) and with Kim ({@code work}). */
    private record Two(SignedIn mara, Pairs.Pair home, Pairs.Pair work) {}

    private static Two twoPartnerships() {
        Pairs.Pair home = Pairs.aPartnership();
        SignedIn kim = Accounts.signedIn();
        UUID work = Pairs.pair(home.inviter(), kim, "colleague");
        return new Two(home.inviter(), home, new Pairs.Pair(work, home.inviter(), kim));
    }

    private static String commitment(Pairs.Pair pair) {
        return Commitments.oneOff(pair, pair.inviter(), Instant.now().plus(3, ChronoUnit.DAYS), Map.of())
                .getString("id");
    }

    private static String moment(Pairs.Pair pair) {
        return Api.as(pair.inviter())
                .body(Map.of("kind", "appreciation", "message", "Thanks"))
                .when()
                .post("/v1/partnerships/{p}/moments", pair.partnershipId())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void rename(SignedIn who, String name) {
        Api.as(who)
                .body(Map.of("displayName", name))
                .when()
                .patch("/v1/me")
                .then()
                .statusCode(200);
    }

    /** A client following one filter: the cursor and every change it was given, by {@code type:id}. */
    private static final class Widget {
        final SignedIn who;
        final Map<String, Object> filter;
        final Set<String> seen = new HashSet<>();
        final List<String> types = new ArrayList<>();
        String cursor;
        int pages;

        Widget(SignedIn who, Map<String, Object> filter) {
            this.who = who;
            this.filter = filter;
        }

        JsonPath pull(int limit) {
            RequestSpecification request = Api.as(who).queryParams(filter).queryParam("limit", limit);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when()
                    .get("/v1/sync")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> changes = page.getList("changes");
            for (Map<String, Object> change : changes) {
                seen.add(change.get("type") + ":" + change.get("id"));
                types.add((String) change.get("type"));
                if (change.get("record") instanceof Map<?, ?> record && record.containsKey("partnershipId")) {
                    seen.add("in:" + record.get("partnershipId"));
                }
            }
            cursor = page.getString("nextCursor");
            pages++;
            return page;
        }

        void catchUp(int limit) {
            for (int i = 0; i < 500; i++) {
                if (!pull(limit).getBoolean("hasMore")) {
                    return;
                }
            }
            throw new AssertionError("sync did not settle");
        }
    }

    private static Map<String, Object> commitmentsOf(Pairs.Pair pair) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("types", "commitment,occurrence");
        filter.put("partnershipId", pair.partnershipId().toString());
        return filter;
    }

    @Test
    void aWidgetFollowsOnePartnershipsCommitmentsThroughSnapshotAndFeedPageByPage() {
        Two two = twoPartnerships();
        List<String> home =
                new ArrayList<>(List.of(commitment(two.home()), commitment(two.home()), commitment(two.home())));
        String work = commitment(two.work());
        String homeMoment = moment(two.home());
        Widget widget = new Widget(two.mara(), commitmentsOf(two.home()));

        widget.catchUp(2);

        assertTrue(widget.pages >= 3, "a snapshot of 3 commitments and their occurrences takes several pages of 2");
        home.forEach(id -> assertTrue(widget.seen.contains("commitment:" + id), id));
        assertEquals(Set.of("commitment", "occurrence"), new HashSet<>(widget.types));
        assertFalse(widget.seen.contains("commitment:" + work), "another partnership's commitment");
        assertFalse(widget.seen.contains("moment:" + homeMoment), "another type");
        assertFalse(widget.seen.contains("in:" + two.work().partnershipId()));

        // The feed: the partnership's new commitments among changes of other partnerships, types and the account.
        int before = widget.types.size();
        for (int i = 0; i < 4; i++) {
            home.add(commitment(two.home()));
            commitment(two.work());
            moment(two.home());
            rename(two.mara(), "Mara " + i);
        }
        widget.catchUp(1);

        home.forEach(id -> assertTrue(widget.seen.contains("commitment:" + id), "paging missed " + id));
        assertEquals(
                Set.of("commitment", "occurrence"), new HashSet<>(widget.types.subList(before, widget.types.size())));
        assertFalse(widget.seen.contains("in:" + two.work().partnershipId()), "another partnership's change appeared");
        assertFalse(widget.seen.contains("account:" + two.mara().accountId()), "the account is not a followed type");
        assertEquals(0, widget.pull(50).getList("changes").size(), "caught up: nothing is handed out twice");
    }

    @Test
    void aPartnershipFilterWithoutTypesKeepsTheCallersOwnRecordsAndLeavesOtherPartnershipsOut() {
        Two two = twoPartnerships();
        String work = commitment(two.work());
        String home = commitment(two.home());
        Widget widget = new Widget(
                two.mara(), Map.of("partnershipId", two.home().partnershipId().toString()));

        widget.catchUp(50);
        rename(two.mara(), "Mara at home");
        JsonPath renamed = widget.pull(50);

        assertTrue(widget.seen.contains("account:" + two.mara().accountId()), "the caller's own account");
        assertTrue(widget.seen.contains("partnership:" + two.home().partnershipId()));
        assertTrue(widget.seen.contains("commitment:" + home));
        assertFalse(widget.seen.contains("partnership:" + two.work().partnershipId()));
        assertFalse(widget.seen.contains("commitment:" + work));
        // A new name changes both partnerships as the partners see them: only the followed one's change comes.
        assertEquals(
                Set.of(
                        "account:" + two.mara().accountId(),
                        "partnership:" + two.home().partnershipId()),
                new HashSet<>(renamed.getList("changes").stream()
                        .map(change -> ((Map<?, ?>) change).get("type") + ":" + ((Map<?, ?>) change).get("id"))
                        .toList()));
    }

    @Test
    void typesMayBeRepeatedAndTheOwnAccountIsATypeLikeAnyOther() {
        SignedIn me = Accounts.signedIn();
        Pairs.invite(me, "friend");
        JsonPath page = Api.invalidAs(me)
                .queryParam("types", "account")
                .queryParam("types", "partnership")
                .when()
                .get("/v1/sync")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertEquals(List.of("account"), page.getList("changes.type"), "the open invitation is left out");
    }

    @Test
    void aCursorContinuesOnlyWithTheFilterItWasMadeFor() {
        Two two = twoPartnerships();
        commitment(two.home());
        Widget widget = new Widget(two.mara(), commitmentsOf(two.home()));
        widget.pull(1);
        String filtered = widget.cursor;

        Api.as(two.mara())
                .queryParam("cursor", filtered)
                .when()
                .get("/v1/sync")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("detail", containsString("another filter"))
                .body("errors.field", equalTo(List.of("types", "partnershipId")));
        Api.as(two.mara())
                .queryParam("cursor", filtered)
                .queryParam("types", "commitment")
                .queryParam("partnershipId", two.home().partnershipId().toString())
                .when()
                .get("/v1/sync")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("types")));
        Api.as(two.mara())
                .queryParam("cursor", filtered)
                .queryParam("types", "occurrence,commitment")
                .queryParam("partnershipId", two.work().partnershipId().toString())
                .when()
                .get("/v1/sync")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("partnershipId")));
        // The same filter, its types in another order: the cursor goes on.
        Api.as(two.mara())
                .queryParam("cursor", filtered)
                .queryParam("types", "occurrence,commitment")
                .queryParam("partnershipId", two.home().partnershipId().toString())
                .when()
                .get("/v1/sync")
                .then()
                .statusCode(200);

        String unfiltered = SyncFeed.firstPage(two.mara(), 1).getString("nextCursor");
        Api.as(two.mara())
                .queryParam("cursor", unfiltered)
                .queryParam("types", "commitment")
                .when()
                .get("/v1/sync")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("types")));
        SyncFeed.page(two.mara(), unfiltered);
    }

    @Test
    void aPushWithAFilteredCursorAnswersWithThatFiltersChangesOnly() {
        Two two = twoPartnerships();
        Widget widget = new Widget(two.mara(), commitmentsOf(two.home()));
        widget.catchUp(50);
        String home = commitment(two.home());
        String work = commitment(two.work());

        JsonPath answer = Api.as(two.mara())
                .body(Map.of(
                        "cursor",
                        widget.cursor,
                        "mutations",
                        List.of(SyncFeed.mutation(
                                "account", two.mara().accountId(), null, "upsert", Map.of("displayName", "M.")))))
                .when()
                .post("/v1/sync")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertEquals(List.of("applied"), answer.getList("results.status"));
        List<String> ids = answer.getList("changes.id");
        assertTrue(ids.contains(home), ids.toString());
        assertFalse(ids.contains(work), "another partnership");
        assertFalse(ids.contains(two.mara().accountId().toString()), "the pushed account is not a followed type");
        // The answer's cursor carries the filter on.
        Api.as(two.mara())
                .queryParam("cursor", answer.getString("nextCursor"))
                .when()
                .get("/v1/sync")
                .then()
                .statusCode(400);
    }

    @Test
    void aForeignPartnershipIsNotFoundAndAnUnknownTypeIsRefused() {
        Pairs.Pair mine = Pairs.aPartnership();
        Pairs.Pair theirs = Pairs.aPartnership();

        Api.as(mine.inviter())
                .queryParam("partnershipId", theirs.partnershipId().toString())
                .when()
                .get("/v1/sync")
                .then()
                .statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        Api.as(mine.inviter())
                .queryParam("partnershipId", UUID.randomUUID().toString())
                .when()
                .get("/v1/sync")
                .then()
                .statusCode(404);
        Api.invalidAs(mine.inviter())
                .queryParam("types", "commitment,reminder")
                .when()
                .get("/v1/sync")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", hasItems("types"))
                .body("errors[0].message", containsString("'reminder'"));
        Api.invalidAs(mine.inviter())
                .queryParam("partnershipId", "not-a-uuid")
                .when()
                .get("/v1/sync")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("partnershipId"));
    }
}
