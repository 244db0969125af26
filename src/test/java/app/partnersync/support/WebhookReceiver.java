package app.partnersync.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on loopback for tests: records every request, answers the statuses it is told to (200 else).
 * Every delivery a test takes from it is checked against the contract's {@code WebhookEvent} (the body) and its
 * headers, so that every webhook test also proves what the service sends.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedDeque<Integer> statuses = new ConcurrentLinkedDeque<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(
                    new Received(Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
            Integer status = statuses.poll();
            byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next requests answer these statuses, in order; then 200 again. */
    public void answer(Integer... next) {
        statuses.addAll(List.of(next));
    }

    public Received await(Duration timeout) throws InterruptedException {
        Received next = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return next == null ? null : asTheContractSays(next);
    }

    public List<Received> drain() {
        List<Received> all = new ArrayList<>();
        received.drainTo(all);
        all.forEach(WebhookReceiver::asTheContractSays);
        return all;
    }

    /** Fails unless the delivery is what the contract's webhook callback describes: body, event headers, media type. */
    static Received asTheContractSays(Received delivery) {
        ContractSchemas.assertValid("WebhookEvent", delivery.body());
        JsonNode body;
        try {
            body = JSON.readTree(delivery.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + delivery.body(), e);
        }
        check(body.path("id").asText(), delivery.header("PartnerSync-Event-Id"), "PartnerSync-Event-Id");
        check(body.path("type").asText(), delivery.header("PartnerSync-Event-Type"), "PartnerSync-Event-Type");
        check("application/json", delivery.header("Content-Type"), "Content-Type");
        if (delivery.header("PartnerSync-Signature") == null) {
            throw new AssertionError("a delivery without PartnerSync-Signature: " + delivery.headers());
        }
        return delivery;
    }

    private static void check(String expected, String actual, String header) {
        if (!expected.equals(actual)) {
            throw new AssertionError(header + " is " + actual + ", the contract says " + expected);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
