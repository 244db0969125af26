package app.partnersync.partnership;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.Pairs;
import app.partnersync.support.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartnershipResourceTest {

    @Test
    void bothMembersSeeBothPublicProfiles() {
        SignedIn tokyo = Accounts.anAccount().withTimeZone("Asia/Tokyo").register();
        SignedIn lima = Accounts.anAccount().withTimeZone("America/Lima").register();
        UUID id = Pairs.pair(tokyo, lima, "friend");

        for (SignedIn member : List.of(tokyo, lima)) {
            JsonPath partnership = Api.as(member)
                    .when()
                    .get("/v1/partnerships/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(id.toString()))
                    .body("kind", equalTo("friend"))
                    .body("status", equalTo("active"))
                    .extract()
                    .jsonPath();
            assertEquals(List.of("Asia/Tokyo", "America/Lima"), partnership.getList("members.timeZone"));
            assertEquals(List.of(member == tokyo, member == lima), partnership.getList("members.you"));
            assertEquals(List.of(false, false), partnership.getList("members.former"));
            assertEquals(null, partnership.getString("members[0].email"));
        }
    }

    @Test
    void eachMemberNamesThePartnershipForThemselves() {
        Pairs.Pair pair = Pairs.aPartnership();

        Api.as(pair.inviter())
                .body(Map.of("displayName", "Us \u2764\uFE0F"))
                .when()
                .patch("/v1/partnerships/{id}", pair.partnershipId())
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Us \u2764\uFE0F"));

        Api.as(pair.invitee())
                .when()
                .get("/v1/partnerships/{id}", pair.partnershipId())
                .then()
                .body("displayName", nullValue());
        Api.as(pair.inviter())
                .body(Map.of("displayName", ""))
                .when()
                .patch("/v1/partnerships/{id}", pair.partnershipId())
                .then()
                .statusCode(200)
                .body("displayName", nullValue());
    }

    @Test
    void listsActiveAndEndedPartnershipsNewestFirstInPages() {
        SignedIn hub = Accounts.signedIn();
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(Pairs.pair(hub, Accounts.signedIn(), "friend"));
        }
        Api.as(hub).when().post("/v1/partnerships/{id}/end", made.get(0)).then().statusCode(200);

        JsonPath first = Api.as(hub)
                .queryParam("limit", 2)
                .when()
                .get("/v1/partnerships")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath second = Api.as(hub)
                .queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor"))
                .when()
                .get("/v1/partnerships")
                .then()
                .statusCode(200)
                .body("nextCursor", nullValue())
                .extract()
                .jsonPath();
        List<String> all = new ArrayList<>(first.getList("items.id"));
        all.addAll(second.getList("items.id"));
        assertEquals(
                List.of(
                        made.get(2).toString(),
                        made.get(1).toString(),
                        made.get(0).toString()),
                all);

        Api.as(hub)
                .queryParam("status", "ended")
                .when()
                .get("/v1/partnerships")
                .then()
                .body("items.id", equalTo(List.of(made.get(0).toString())));
        Api.as(hub)
                .queryParam("status", "active")
                .when()
                .get("/v1/partnerships")
                .then()
                .body("items", hasSize(2));
        Api.invalidAs(hub)
                .queryParam("status", "paused")
                .when()
                .get("/v1/partnerships")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void endingMakesItReadOnlyForBothButKeepsItReadable() {
        Pairs.Pair pair = Pairs.aPartnership();

        Api.as(pair.invitee())
                .when()
                .post("/v1/partnerships/{id}/end", pair.partnershipId())
                .then()
                .statusCode(200)
                .body("status", equalTo("ended"))
                .body("endedReason", equalTo("ended_by_member"))
                .body("endedAt", notNullValue());

        for (SignedIn member : List.of(pair.inviter(), pair.invitee())) {
            Api.as(member)
                    .when()
                    .get("/v1/partnerships/{id}", pair.partnershipId())
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ended"))
                    .body("members", hasSize(2));
            Api.as(member)
                    .body(Map.of("displayName", "still us?"))
                    .when()
                    .patch("/v1/partnerships/{id}", pair.partnershipId())
                    .then()
                    .statusCode(409)
                    .body("type", equalTo(PROBLEMS + "partnership-ended"));
            Api.as(member)
                    .when()
                    .post("/v1/partnerships/{id}/end", pair.partnershipId())
                    .then()
                    .statusCode(409)
                    .body("type", equalTo(PROBLEMS + "partnership-ended"));
        }
    }

    @Test
    void versionsIncreaseWithEveryChange() {
        Pairs.Pair pair = Pairs.aPartnership();
        long before = Pairs.version(pair.inviter(), pair.partnershipId());

        long renamed = Api.as(pair.inviter())
                .body(Map.of("displayName", "Home"))
                .when()
                .patch("/v1/partnerships/{id}", pair.partnershipId())
                .then()
                .extract()
                .jsonPath()
                .getLong("version");
        long ended = Api.as(pair.inviter())
                .when()
                .post("/v1/partnerships/{id}/end", pair.partnershipId())
                .then()
                .extract()
                .jsonPath()
                .getLong("version");

        assertEquals(before + 1, renamed);
        assertEquals(renamed + 1, ended);
    }
}
