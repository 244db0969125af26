package app.partnersync.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Api;
import app.partnersync.support.CheckIns;
import app.partnersync.support.Commitments;
import app.partnersync.support.IntegrationTokens;
import app.partnersync.support.Pairs;
import app.partnersync.support.ResetTestClockAfterEach;
import app.partnersync.support.SignedIn;
import app.partnersync.support.SseClient;
import app.partnersync.support.TestClock;
import app.partnersync.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Webhooks: signed deliveries from the outbox, retries, disabling, redelivery, one sender, SSRF refusals, privacy. */
@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
class WebhookTest {

    @Inject
    TestClock clock;

    @Inject
    WebhookDeliverer deliverer;

    @Test
    void aChangeIsDeliveredSignedWithTheRecordAsAnIntegrationSeesIt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Pairs.Pair pair = Pairs.aPartnership();
            // Exactly this type: a new commitment also brings commitment.occurrence.updated events.
            JsonPath webhook = create(pair.inviter(), pair, receiver.url(), List.of("commitment.updated"));
            String secret = webhook.getString("secret");
            String commitment = commitment(pair, "Call the plumber");

            deliverer.deliverDue();
            WebhookReceiver.Received received = receiver.await(Duration.ofSeconds(5));
            assertNotNull(received, "delivered");
            assertTrue(verifies(received, secret), "signed with the webhook's secret: " + received.headers());
            JsonPath event = JsonPath.from(received.body());
            assertEquals("commitment.updated", event.getString("type"));
            assertEquals(received.header("PartnerSync-Event-Id"), event.getString("id"));
            assertEquals(pair.partnershipId().toString(), event.getString("partnershipId"));
            assertEquals(commitment, event.getString("data.recordId"));
            assertEquals("Call the plumber", event.getString("data.record.title"));

            Api.as(pair.invitee())
                    .when()
                    .get("/v1/partnerships/{p}/webhooks/{w}/deliveries", pair.partnershipId(), webhook.getString("id"))
                    .then()
                    .statusCode(200)
                    .body("items[0].status", equalTo("delivered"))
                    .body("items[0].attempts", equalTo(1))
                    .body("items[0].lastStatusCode", equalTo(200));
        }
    }

    @Test
    void aFailedDeliveryIsRetriedLaterWithTheSameEventIdAndCanBeRedelivered() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Pairs.Pair pair = Pairs.aPartnership();
            String webhook = momentWebhook(pair, receiver);
            receiver.answer(500);
            appreciation(pair);

            deliverer.deliverDue();
            WebhookReceiver.Received first = receiver.await(Duration.ofSeconds(5));
            assertNotNull(first);
            JsonPath log = deliveries(pair, webhook);
            assertEquals("pending", log.getString("items[0].status"));
            assertEquals(500, log.getInt("items[0].lastStatusCode"));
            Instant next = Instant.parse(log.getString("items[0].nextAttemptAt"));
            assertTrue(next.isAfter(clock.instant().plusSeconds(5)), "backed off: " + next);

            deliverer.deliverDue();
            assertNull(receiver.await(Duration.ofMillis(300)), "not before its time");

            clock.advance(Duration.ofMinutes(1));
            deliverer.deliverDue();
            WebhookReceiver.Received second = receiver.await(Duration.ofSeconds(5));
            assertNotNull(second);
            assertEquals(first.header("PartnerSync-Event-Id"), second.header("PartnerSync-Event-Id"));
            log = deliveries(pair, webhook);
            assertEquals("delivered", log.getString("items[0].status"));
            assertEquals(2, log.getInt("items[0].attempts"));

            Api.as(pair.invitee())
                    .when()
                    .post(
                            "/v1/partnerships/{p}/webhooks/{w}/deliveries/{d}/redeliver",
                            pair.partnershipId(),
                            webhook,
                            log.getString("items[0].id"))
                    .then()
                    .statusCode(202)
                    .body("status", equalTo("pending"));
            deliverer.deliverDue();
            WebhookReceiver.Received again = receiver.await(Duration.ofSeconds(5));
            assertNotNull(again);
            assertEquals(first.header("PartnerSync-Event-Id"), again.header("PartnerSync-Event-Id"));
        }
    }

    @Test
    void aReceiverDownForTenMinutesGetsEveryEventAfterwards() throws Exception {
        // Reliability run (docs/reliability.md): twelve events waiting for a receiver that is down fail twelve
        // attempts in a row within a minute. That alone used to disable the webhook, and nothing arrived afterwards.
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Pairs.Pair pair = Pairs.aPartnership();
            String webhook = momentWebhook(pair, receiver);
            int events = 12;
            Integer[] down = new Integer[events];
            Arrays.fill(down, 503);
            receiver.answer(down);
            for (int i = 0; i < events; i++) {
                appreciation(pair);
            }
            deliverer.deliverDue();
            assertEquals(events, collect(receiver, events).size(), "every event tried once, every attempt failed");
            Api.as(pair.inviter())
                    .when()
                    .get("/v1/partnerships/{p}/webhooks/{w}", pair.partnershipId(), webhook)
                    .then()
                    .statusCode(200)
                    .body("active", equalTo(true))
                    .body("consecutiveFailures", equalTo(events));

            clock.advance(Duration.ofMinutes(10));
            deliverer.deliverDue();
            List<WebhookReceiver.Received> after = collect(receiver, events);
            assertEquals(
                    events,
                    after.stream()
                            .map(r -> r.header("PartnerSync-Event-Id"))
                            .distinct()
                            .count(),
                    "back up, the receiver gets every event");
            Api.as(pair.inviter())
                    .when()
                    .get("/v1/partnerships/{p}/webhooks/{w}", pair.partnershipId(), webhook)
                    .then()
                    .statusCode(200)
                    .body("active", equalTo(true))
                    .body("consecutiveFailures", equalTo(0));
        }
    }

    @Test
    void aRunOfFailuresDisablesTheWebhookAndTellsWhoMadeIt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Pairs.Pair pair = Pairs.aPartnership();
            String webhook = momentWebhook(pair, receiver);
            receiver.answer(500, 500, 500);
            appreciation(pair);
            try (SseClient owner = SseClient.connect(pair.inviter())) {
                assertNotNull(owner.await("comment", Duration.ofSeconds(2)));
                for (int attempt = 0; attempt < 3; attempt++) {
                    deliverer.deliverDue();
                    assertNotNull(receiver.await(Duration.ofSeconds(5)), "attempt " + (attempt + 1));
                    clock.advance(Duration.ofHours(1));
                }
                SseClient.Event disabled = owner.await("webhook.disabled", Duration.ofSeconds(3));
                assertNotNull(disabled, "the member who made it hears of it");
                assertEquals(webhook, JsonPath.from(disabled.data()).getString("webhookId"));
            }
            Api.as(pair.invitee())
                    .when()
                    .get("/v1/partnerships/{p}/webhooks/{w}", pair.partnershipId(), webhook)
                    .then()
                    .statusCode(200)
                    .body("active", equalTo(false))
                    .body("consecutiveFailures", equalTo(3))
                    .body("disabledReason", notNullValue());
            deliverer.deliverDue();
            assertNull(receiver.await(Duration.ofMillis(300)), "a disabled webhook is not called");

            Api.as(pair.inviter())
                    .body(Map.of("active", true))
                    .when()
                    .patch("/v1/partnerships/{p}/webhooks/{w}", pair.partnershipId(), webhook)
                    .then()
                    .statusCode(200)
                    .body("active", equalTo(true))
                    .body("consecutiveFailures", equalTo(0));
            deliverer.deliverDue();
            assertNotNull(receiver.await(Duration.ofSeconds(5)), "re-enabled, what waited goes out");
        }
    }

    @Test
    void twoInstancesSweepingAtOnceSendEachEventOnce() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Pairs.Pair pair = Pairs.aPartnership();
            create(pair.inviter(), pair, receiver.url(), List.of("moment.*"));
            for (int i = 0; i < 6; i++) {
                appreciation(pair);
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> sweeps = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    sweeps.add(pool.submit(deliverer::deliverDue));
                }
                for (Future<Integer> sweep : sweeps) {
                    sweep.get();
                }
            } finally {
                pool.shutdownNow();
            }
            Thread.sleep(300);
            List<WebhookReceiver.Received> all = receiver.drain();
            Set<String> ids = new HashSet<>();
            all.forEach(r -> ids.add(r.header("PartnerSync-Event-Id")));
            assertEquals(6, all.size(), "six events, each sent once");
            assertEquals(6, ids.size());
        }
    }

    @Test
    void targetsInsideTheNetworkAndPlainHttpAreRefused() {
        Pairs.Pair pair = Pairs.aPartnership();
        for (String url : List.of(
                "https://10.0.0.1/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://192.168.0.10/hook",
                "https://[fd00::1]/hook",
                "https://0.0.0.0/hook",
                "https://100.64.0.1/hook",
                "http://93.184.216.34/hook")) {
            Api.as(pair.inviter())
                    .body(Map.of("url", url, "events", List.of("*")))
                    .when()
                    .post("/v1/partnerships/{p}/webhooks", pair.partnershipId())
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("url"));
        }
    }

    @Test
    void addressClassesAreToldApart() throws Exception {
        for (String internal : List.of(
                "127.0.0.1",
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "169.254.169.254",
                "100.100.0.1",
                "0.0.0.0",
                "::1",
                "fe80::1",
                "fd00:ec2::254",
                "::ffff:10.0.0.1",
                "224.0.0.1",
                "255.255.255.255")) {
            assertTrue(TargetGuard.internal(InetAddress.getByName(internal)), internal);
        }
        for (String external : List.of("93.184.216.34", "8.8.8.8", "2606:4700::1111")) {
            assertFalse(TargetGuard.internal(InetAddress.getByName(external)), external);
        }
    }

    @Test
    void checkInEventsCarryTheRecordOnlyWithConsentAndThenNoPrivateAnswer() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Pairs.Pair pair = Pairs.aPartnership();
            create(pair.inviter(), pair, receiver.url(), List.of("checkin.*"));
            String checkIn = CheckIns.start(pair.inviter(), pair.partnershipId(), Map.of("kind", "ad_hoc"));
            Map<String, Object> entry = Map.of(
                    "mood", CheckIns.score(4, "shared"),
                    "needs", Map.of("text", "Secret wish", "visibility", "private"),
                    "submitted", true);
            CheckIns.writeEntry(pair.inviter(), pair.partnershipId(), checkIn, entry);
            deliverer.deliverDue();
            List<WebhookReceiver.Received> before = collect(receiver, 2);
            for (WebhookReceiver.Received r : before) {
                assertEquals("checkin.updated", JsonPath.from(r.body()).getString("type"));
                assertNull(JsonPath.from(r.body()).get("data.record"), "no consent, no content: " + r.body());
            }

            for (SignedIn member : List.of(pair.inviter(), pair.invitee())) {
                Api.as(member)
                        .body(Map.of("allowed", true))
                        .when()
                        .put("/v1/partnerships/{p}/integration-consent", pair.partnershipId())
                        .then()
                        .statusCode(200);
            }
            CheckIns.writeEntry(pair.invitee(), pair.partnershipId(), checkIn, entry);
            deliverer.deliverDue();
            WebhookReceiver.Received after = receiver.await(Duration.ofSeconds(5));
            assertNotNull(after);
            JsonPath event = JsonPath.from(after.body());
            assertEquals("completed", event.getString("data.record.status"));
            assertEquals(List.of(4, 4), event.getList("data.record.entries.mood.value"));
            assertFalse(after.body().contains("Secret wish"), after.body());
        }
    }

    @Test
    void managingWebhooksNeedsTheScopeAndRotationSignsWithBothSecretsForADay() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Pairs.Pair pair = Pairs.aPartnership();
            String weak = token(pair.inviter(), List.of("commitments:read"));
            Api.withToken(weak)
                    .body(Map.of("url", receiver.url(), "events", List.of("*")))
                    .when()
                    .post("/v1/partnerships/{p}/webhooks", pair.partnershipId())
                    .then()
                    .statusCode(403);
            String manager = token(pair.inviter(), List.of("webhooks:manage"));
            JsonPath webhook = JsonPath.from(Api.withToken(manager)
                    .body(Map.of("url", receiver.url(), "events", List.of("moment.*")))
                    .when()
                    .post("/v1/partnerships/{p}/webhooks", pair.partnershipId())
                    .then()
                    .statusCode(201)
                    .extract()
                    .asString());
            String old = webhook.getString("secret");
            String rotated = Api.as(pair.invitee())
                    .when()
                    .post(
                            "/v1/partnerships/{p}/webhooks/{w}/rotate-secret",
                            pair.partnershipId(),
                            webhook.getString("id"))
                    .then()
                    .statusCode(200)
                    .body("secret", matchesPattern("^whsec_[A-Za-z0-9_-]{43}$"))
                    .body("previousSecretExpiresAt", notNullValue())
                    .extract()
                    .path("secret");
            appreciation(pair);
            deliverer.deliverDue();
            WebhookReceiver.Received received = receiver.await(Duration.ofSeconds(5));
            assertNotNull(received);
            assertTrue(verifies(received, rotated));
            assertTrue(verifies(received, old), "the old secret still verifies for a day");
        }
    }

    private static List<WebhookReceiver.Received> collect(WebhookReceiver receiver, int count)
            throws InterruptedException {
        List<WebhookReceiver.Received> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            WebhookReceiver.Received r = receiver.await(Duration.ofSeconds(5));
            assertNotNull(r, "event " + (i + 1) + " of " + count);
            all.add(r);
        }
        return all;
    }

    /** Verifies PartnerSync-Signature as a receiver would: HMAC-SHA256 of "t.body" with the secret. */
    static boolean verifies(WebhookReceiver.Received received, String secret) throws Exception {
        String header = received.header("PartnerSync-Signature");
        String t = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                signatures.add(part.substring(3));
            }
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.HexFormat.of()
                .formatHex(mac.doFinal((t + "." + received.body()).getBytes(StandardCharsets.UTF_8)));
        return signatures.contains(expected);
    }

    private static JsonPath create(SignedIn who, Pairs.Pair pair, String url, List<String> events) {
        return JsonPath.from(Api.as(who)
                .body(Map.of("url", url, "events", events))
                .when()
                .post("/v1/partnerships/{p}/webhooks", pair.partnershipId())
                .then()
                .statusCode(201)
                .body("secret", matchesPattern("^whsec_[A-Za-z0-9_-]{43}$"))
                .extract()
                .asString());
    }

    /** A webhook of the inviter's for every moment event, delivered to {@code receiver}; its id. */
    private static String momentWebhook(Pairs.Pair pair, WebhookReceiver receiver) {
        return create(pair.inviter(), pair, receiver.url(), List.of("moment.*")).getString("id");
    }

    private static JsonPath deliveries(Pairs.Pair pair, String webhook) {
        return Api.as(pair.inviter())
                .when()
                .get("/v1/partnerships/{p}/webhooks/{w}/deliveries", pair.partnershipId(), webhook)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String commitment(Pairs.Pair pair, String title) {
        return Commitments.oneOff(pair, pair.inviter(), Instant.now().plus(Duration.ofDays(3)), Map.of("title", title))
                .getString("id");
    }

    private static void appreciation(Pairs.Pair pair) {
        Api.as(pair.invitee())
                .body(Map.of("kind", "appreciation", "message", "Thanks"))
                .when()
                .post("/v1/partnerships/{p}/moments", pair.partnershipId())
                .then()
                .statusCode(201);
    }

    private static String token(SignedIn owner, List<String> scopes) {
        return IntegrationTokens.create(owner, scopes, null);
    }
}
