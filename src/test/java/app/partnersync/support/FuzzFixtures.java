package app.partnersync.support;

import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real resources one operation of the schema fuzzer works on: a fresh pair, made lazily, and whatever its path
 * parameters and example ids need (a commitment, a check-in, a webhook with a delivery, a second session, ...).
 * An operation that uses a resource up (deletes, revokes, accepts it) forgets it, and the next request gets a new one.
 */
public final class FuzzFixtures {

    /** A fixed far due time: the fixture commitment's occurrence date is known without asking. */
    private static final String DUE_AT = "2030-06-01T12:00:00Z";

    private final String operationId;
    private Pairs.Pair pair;
    private SignedIn caller;
    private final Map<String, String> values = new HashMap<>();

    public FuzzFixtures(String operationId) {
        this.operationId = operationId;
    }

    /** The account every request of this operation is sent as (the pair's inviter, once there is a pair). */
    public SignedIn caller() {
        if (caller == null) {
            caller = Accounts.signedIn();
        }
        return caller;
    }

    public void callerIs(SignedIn signedIn) {
        caller = signedIn;
    }

    /** A fixture's value by name; see {@link ContractRequests}. */
    public String value(String name) {
        String known = values.get(name);
        if (known == null) {
            known = make(name);
            values.put(name, known);
        }
        return known;
    }

    public void forget(String... names) {
        for (String name : names) {
            values.remove(name);
        }
    }

    /** Keeps the caller, with a new partner in a new partnership (the old one was ended). */
    public void forgetPartnership() {
        pair = null;
        values.clear();
    }

    /** Starts again with a fresh account. */
    public void reset() {
        pair = null;
        caller = null;
        values.clear();
    }

    /** The caller's partnership with a fresh partner, made on first need. */
    private Pairs.Pair pair() {
        if (pair == null) {
            SignedIn partner = Accounts.signedIn();
            pair = new Pairs.Pair(Pairs.pair(caller(), partner, "partner"), caller, partner);
        }
        return pair;
    }

    private String make(String name) {
        switch (name) {
            case "accountId":
                return caller().accountId().toString();
            case "sessionId":
                return otherSession();
            case "invitationKey":
                return invitation();
            case "refreshToken":
                return caller().refreshToken();
            case "tokenId":
                return created(
                        "/v1/me/tokens",
                        Map.of(
                                "name",
                                "Fuzz fixture",
                                "scopes",
                                List.of("profile:read"),
                                "expiresAt",
                                Instant.now().plus(30, ChronoUnit.DAYS).toString()));
            default:
                break;
        }
        Pairs.Pair pair = pair();
        String partnership = pair.partnershipId().toString();
        return switch (name) {
            case "partnershipId" -> partnership;
            case "partnerId" -> pair.invitee().accountId().toString();
            case "dueDate" -> DUE_AT.substring(0, 10);
            case "commitmentId" ->
                created(
                        "/v1/partnerships/" + partnership + "/commitments",
                        Map.of(
                                "title",
                                "Fuzz fixture",
                                "promisedBy",
                                List.of(caller.accountId(), pair.invitee().accountId()),
                                "dueAt",
                                DUE_AT));
            case "checkInId" -> created("/v1/partnerships/" + partnership + "/check-ins", Map.of("kind", "ad_hoc"));
            case "momentId" ->
                created(
                        "/v1/partnerships/" + partnership + "/moments",
                        Map.of("kind", "appreciation", "message", "Fuzz fixture"));
            case "repairPlanId" ->
                created(
                        "/v1/partnerships/" + partnership + "/repair-plans",
                        Map.of(
                                "title",
                                "Fuzz fixture",
                                "review",
                                Map.of("dayOfWeek", "WEDNESDAY", "time", "20:00", "timeZone", "Europe/Berlin")));
            case "start:weekly", "start:monthly", "start:repair" -> upcomingStart(name.substring(6));
            case "webhookId" -> webhook();
            case "deliveryId" -> delivery();
            default -> throw new AssertionError("The schema fuzzer has no fixture for " + name);
        };
    }

    /**
     * The start of an upcoming check-in of {@code kind} (a scheduled check-in must start at one): from a cadence with
     * a weekly and a monthly schedule, or the fixture repair plan's weekly review.
     */
    private String upcomingStart(String kind) {
        String partnership = pair().partnershipId().toString();
        if (kind.equals("repair")) {
            value("repairPlanId");
        } else if (!values.containsKey("cadence")) {
            Api.as(caller)
                    .body(Map.of(
                            "timeZone",
                            "Europe/Berlin",
                            "schedules",
                            List.of(
                                    Map.of("kind", "weekly", "dayOfWeek", "SUNDAY", "time", "19:00"),
                                    Map.of(
                                            "kind",
                                            "monthly",
                                            "dayOfWeek",
                                            "SATURDAY",
                                            "weekOfMonth",
                                            1,
                                            "time",
                                            "10:00"))))
                    .when()
                    .put("/v1/partnerships/{id}/cadence", partnership)
                    .then()
                    .statusCode(200);
            values.put("cadence", "set");
        }
        return Api.as(caller)
                .queryParam("limit", 50)
                .when()
                .get("/v1/partnerships/{id}/cadence/upcoming", partnership)
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.kind == '" + kind + "' }.startsAt");
    }

    /** The caller's own invitation to withdraw or preview; another account's to accept. */
    private String invitation() {
        SignedIn host = operationId.equals("acceptInvitation") ? Accounts.signedIn() : caller();
        return Pairs.invite(host, "friend");
    }

    /** A second session of the caller, so that revoking it leaves the caller signed in. */
    private String otherSession() {
        Accounts.login(caller(), "Fuzz second device");
        return Api.as(caller)
                .queryParam("limit", 100)
                .when()
                .get("/v1/me/sessions")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { !it.current }.id");
    }

    /** A paused webhook (its loopback address is never called) with one delivery in its log. */
    private String webhook() {
        String partnership = pair().partnershipId().toString();
        String webhook = created(
                "/v1/partnerships/" + partnership + "/webhooks",
                Map.of("url", "http://127.0.0.1:9/fuzz", "events", List.of("partnership.*")));
        Api.as(caller)
                .body(Map.of("active", false))
                .when()
                .patch("/v1/partnerships/{id}/webhooks/{w}", partnership, webhook)
                .then()
                .statusCode(200);
        return webhook;
    }

    private String delivery() {
        String partnership = pair().partnershipId().toString();
        String webhook = value("webhookId");
        Api.as(caller)
                .body(Map.of("displayName", "Fuzz"))
                .when()
                .patch("/v1/partnerships/{id}", partnership)
                .then()
                .statusCode(200);
        return Api.as(caller)
                .when()
                .get("/v1/partnerships/{id}/webhooks/{w}/deliveries", partnership, webhook)
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
    }

    private String created(String path, Object body) {
        JsonPath created = Api.as(caller())
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return created.getString("id");
    }
}
