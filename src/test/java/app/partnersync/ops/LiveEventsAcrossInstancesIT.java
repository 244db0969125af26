package app.partnersync.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.partnersync.support.FreshTestDatabase;
import app.partnersync.support.PackagedService;
import app.partnersync.support.SseClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged service against one database, as behind a load balancer: a write handled by one
 * instance reaches a live stream connected to the other within two seconds (PostgreSQL LISTEN/NOTIFY).
 */
class LiveEventsAcrossInstancesIT {

    @TempDir
    Path files;

    @Test
    void aWriteOnOneInstanceReachesAStreamOnTheOther() throws Exception {
        assumeTrue(FreshTestDatabase.available(), "no PostgreSQL on 127.0.0.1:5432");
        String database = FreshTestDatabase.create();
        Map<String, String> env = new HashMap<>(PackagedService.datasource(database));
        env.putAll(PackagedService.keys(files));
        try (PackagedService writer = PackagedService.start(env, files.resolve("writer.log"));
                PackagedService reader = PackagedService.start(env, files.resolve("reader.log"))) {
            writer.awaitReady();
            reader.awaitReady();
            String inviter = register(writer, "Inviter");
            String invitee = register(reader, "Invitee");
            String code = field(writer.send("POST", "/v1/invitations", inviter, "{\"kind\":\"partner\"}"), "code");
            String partnership = field(reader.send("POST", "/v1/invitations/" + code + "/accept", invitee, ""), "id");

            try (SseClient stream = SseClient.connect(reader.baseUrl(), invitee, null)) {
                assertEquals(200, stream.status());
                assertNotNull(stream.await("comment", Duration.ofSeconds(5)), "the stream is open");

                HttpResponse<String> renamed = writer.send("PATCH", "/v1/me", inviter, "{\"displayName\":\"Renamed\"}");
                assertEquals(200, renamed.statusCode(), renamed.body());

                SseClient.Event change = stream.await("change", Duration.ofSeconds(2));
                assertNotNull(change, "the change made through the other instance arrives within 2 seconds");
                String cursor = change.data().replaceAll(".*\"cursor\":\"([^\"]+)\".*", "$1");
                HttpResponse<String> pulled = reader.get("/v1/sync?cursor=" + cursor, invitee);
                assertEquals(200, pulled.statusCode(), pulled.body());
                assertEquals(
                        true,
                        pulled.body().contains(partnership) && pulled.body().contains("Renamed"),
                        pulled.body());
            }
        } finally {
            FreshTestDatabase.drop(database);
        }
    }

    private static String register(PackagedService app, String name) throws Exception {
        HttpResponse<String> registered = app.send(
                "POST",
                "/v1/auth/register",
                null,
                "{\"email\":\"" + UUID.randomUUID()
                        + "@example.test\",\"password\":\"two instances passphrase\",\"displayName\":\"" + name
                        + "\",\"timeZone\":\"Europe/Berlin\"}");
        assertEquals(201, registered.statusCode(), registered.body());
        return registered.body().replaceAll("(?s).*\"accessToken\":\"([^\"]+)\".*", "$1");
    }

    private static String field(HttpResponse<String> response, String name) {
        assertEquals(201, response.statusCode(), response.body());
        return response.body()
                .replaceAll("(?s)^\\{\"" + (name.equals("id") ? "id" : name) + "\":\"([^\"]+)\".*", "$1")
                .replaceAll("(?s).*\"" + name + "\":\"([^\"]+)\".*", "$1");
    }
}
