package app.partnersync.support;

import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A minimal Server-Sent Events reader for tests: events and comments arrive in a queue as they are received. Every
 * event a test takes from it (awaited, skipped on the way, or drained) is checked against the contract's {@code
 * LiveEvent}, so that every live-event test also proves what the stream sends.
 */
public final class SseClient implements AutoCloseable {

    /** One SSE event or comment ({@code name} "comment"). */
    public record Event(String id, String name, String data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Stream<String> lines;
    private final Thread reader;
    private final int status;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.lines = response.body();
        this.reader = new Thread(this::read, "sse-test-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** The event stream of {@code member} on the service under test, at the address REST Assured is given. */
    public static SseClient connect(SignedIn member) throws IOException, InterruptedException {
        return connect(RestAssured.baseURI + ":" + RestAssured.port, member.accessToken(), null);
    }

    public static SseClient connect(String baseUrl, String token, String lastEventId)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return new SseClient(http.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    }

    /**
     * The event stream opened as a browser's EventSource opens it: a stream ticket (and {@code lastEventId}, unless
     * null) in the query, no Authorization header.
     */
    public static SseClient connectWithTicket(String baseUrl, String ticket, String lastEventId)
            throws IOException, InterruptedException {
        String query = "?ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8)
                + (lastEventId == null ? "" : "&lastEventId=" + URLEncoder.encode(lastEventId, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/events" + query))
                .header("Accept", "text/event-stream")
                .build();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return new SseClient(http.send(request, HttpResponse.BodyHandlers.ofLines()));
    }

    public int status() {
        return status;
    }

    /** The next event named {@code name} within {@code timeout}, skipping others; null when none came. */
    public Event await(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Event event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                return null;
            }
            asTheContractSays(event);
            if (event.name().equals(name)) {
                return event;
            }
        }
    }

    /** Whether the server ended the stream within {@code timeout}. */
    public boolean closedWithin(Duration timeout) throws InterruptedException {
        reader.join(timeout.toMillis());
        return !reader.isAlive();
    }

    /** Every event received so far and not yet awaited. */
    public List<Event> drain() {
        List<Event> drained = new ArrayList<>();
        events.drainTo(drained);
        drained.forEach(SseClient::asTheContractSays);
        return drained;
    }

    /** Fails unless an event (not a comment) is a {@code LiveEvent} of the contract. */
    static void asTheContractSays(Event event) {
        if (!event.name().equals("comment")) {
            ContractSchemas.assertValid("LiveEvent", ContractSchemas.liveEvent(event.name(), event.id(), event.data()));
        }
    }

    private void read() {
        String id = null;
        String name = "message";
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0 || !name.equals("message")) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, "comment", line.substring(1).trim()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        } catch (RuntimeException closed) {
            // the stream was closed by either side
        }
    }

    @Override
    public void close() {
        lines.close();
        reader.interrupt();
    }
}
