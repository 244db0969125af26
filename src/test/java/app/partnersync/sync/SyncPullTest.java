package app.partnersync.sync;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.Pairs;
import app.partnersync.support.ResetTestClockAfterEach;
import app.partnersync.support.SignedIn;
import app.partnersync.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
class SyncPullTest {

    @Inject
    TestClock clock;

    @Test
    void withoutACursorASnapshotComesFirstThenTheFeed() {
        Pairs.Pair pair = Pairs.aPartnership();
        Pairs.invite(pair.inviter(), "friend");
        SyncClient phone = new SyncClient(pair.inviter());

        JsonPath first = phone.pull(1);
        assertEquals(1, first.getList("changes").size());
        assertTrue(first.getBoolean("hasMore"));
        phone.catchUp();

        assertEquals(
                Api.as(pair.inviter())
                        .when()
                        .get("/v1/me")
                        .then()
                        .extract()
                        .jsonPath()
                        .getMap(""),
                phone.records.get("account:" + pair.inviter().accountId()));
        assertEquals(
                Api.as(pair.inviter())
                        .when()
                        .get("/v1/partnerships/{id}", pair.partnershipId())
                        .then()
                        .extract()
                        .jsonPath()
                        .getMap(""),
                phone.records.get("partnership:" + pair.partnershipId()));
        // The account, the accepted invitation that made the partnership, the open one, and the partnership.
        assertEquals(4, phone.records.size(), phone.records.keySet().toString());
        assertFalse(
                phone.records.keySet().stream()
                        .anyMatch(k -> k.contains(pair.invitee().accountId().toString())),
                "the partner's account record is not the caller's to sync");
    }

    @Test
    void changesArriveAsTheCallerSeesThem() {
        Pairs.Pair pair = Pairs.aPartnership();
        SyncClient mine = new SyncClient(pair.inviter());
        SyncClient theirs = new SyncClient(pair.invitee());
        mine.catchUp();
        theirs.catchUp();

        Api.as(pair.inviter())
                .body(Map.of("displayName", "Home team"))
                .when()
                .patch("/v1/partnerships/{id}", pair.partnershipId())
                .then()
                .statusCode(200);
        Api.as(pair.invitee())
                .body(Map.of("displayName", "Robin"))
                .when()
                .patch("/v1/me")
                .then()
                .statusCode(200);
        mine.catchUp();
        theirs.catchUp();

        String key = "partnership:" + pair.partnershipId();
        assertEquals("Home team", mine.records.get(key).get("displayName"));
        assertEquals(null, theirs.records.get(key).get("displayName"), "a member's own name stays theirs");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> members =
                (List<Map<String, Object>>) mine.records.get(key).get("members");
        assertEquals("Robin", members.get(1).get("displayName"), "the partner's new name reaches the other member");
        assertEquals(mine.versions.get(key), theirs.versions.get(key));
    }

    @Test
    void aWithdrawnInvitationArrivesAsATombstone() {
        SignedIn me = Accounts.signedIn();
        String code = Pairs.invite(me, "partner");
        SyncClient phone = new SyncClient(me);
        phone.catchUp();
        String id = Api.as(me).when().get("/v1/invitations").then().extract().path("items[0].id");
        assertTrue(phone.records.containsKey("invitation:" + id));

        Api.as(me).when().delete("/v1/invitations/{key}", code).then().statusCode(204);
        JsonPath page = phone.pull(50);

        assertEquals(List.of("delete"), page.getList("changes.op"));
        assertEquals(id, page.getString("changes[0].id"));
        assertFalse(phone.records.containsKey("invitation:" + id));
    }

    @Test
    void anotherPartnershipsChangesNeverAppear() {
        Pairs.Pair mine = Pairs.aPartnership();
        Pairs.Pair other = Pairs.aPartnership();
        SyncClient phone = new SyncClient(mine.inviter());
        phone.catchUp();

        Api.as(other.inviter())
                .body(Map.of("displayName", "Not yours"))
                .when()
                .patch("/v1/partnerships/{id}", other.partnershipId())
                .then()
                .statusCode(200);
        phone.catchUp();

        assertFalse(phone.records.containsKey("partnership:" + other.partnershipId()));
    }

    @Test
    void aCursorThatWasAlteredOrIsTooOldAsksForAResync() {
        SyncClient phone = new SyncClient(Accounts.signedIn());
        phone.catchUp();
        String cursor = phone.cursor;
        char last = cursor.charAt(cursor.length() - 1);
        String altered = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');

        for (String bad : List.of(altered, "garbage", "djE6MDotOjE6MToxNzAwMDAwMDAw.AAAAAAAAAAAAAAAAAAAAAA")) {
            Api.as(phone.who)
                    .queryParam("cursor", bad)
                    .when()
                    .get("/v1/sync")
                    .then()
                    .statusCode(410)
                    .body("type", equalTo(PROBLEMS + "sync-cursor-gone"));
        }

        clock.advance(Duration.ofDays(31));
        Api.as(phone.who)
                .queryParam("cursor", cursor)
                .when()
                .get("/v1/sync")
                .then()
                .statusCode(410)
                .body("type", equalTo(PROBLEMS + "sync-cursor-gone"));
        Api.as(phone.who).when().get("/v1/sync").then().statusCode(200);
    }

    @Test
    void aPullWithNothingNewKeepsItsPlace() {
        SyncClient phone = new SyncClient(Accounts.signedIn());
        phone.catchUp();

        JsonPath quiet = phone.pull(50);

        assertEquals(0, quiet.getList("changes").size());
        assertFalse(quiet.getBoolean("hasMore"));
        Api.as(phone.who)
                .body(Map.of("timeZone", "Asia/Kolkata"))
                .when()
                .patch("/v1/me")
                .then()
                .statusCode(200);
        JsonPath next = phone.pull(50);
        assertEquals(List.of("account"), next.getList("changes.type"));
        assertEquals("Asia/Kolkata", next.getString("changes[0].record.timeZone"));
    }
}
