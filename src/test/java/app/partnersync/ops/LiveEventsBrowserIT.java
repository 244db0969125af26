package app.partnersync.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.partnersync.support.Accounts;
import app.partnersync.support.BrowserCheck;
import app.partnersync.support.FreshTestDatabase;
import app.partnersync.support.PackagedService;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A browser's plain EventSource receives a live event: a page of a web app on another origin (a second port), with the
 * packaged service started with that origin allowed by CORS, fetches a stream ticket with the bearer token, opens
 * {@code new EventSource(…?ticket=…)}, writes, and must receive the {@code change} event. The browser steps are
 * {@code tools/browser/event-source-check.mjs} (playwright-core driving Debian's Chromium, as SwaggerUiBrowserIT).
 */
class LiveEventsBrowserIT {

    private static final Pattern TICKET = Pattern.compile("pst_[A-Za-z0-9_-]{20,}");
    private static final String PAGE =
            "<!doctype html><html><head><title>A web app</title></head><body>partner-sync web app</body></html>";

    @TempDir
    Path files;

    @Test
    void aPlainEventSourceOnAnotherOriginReceivesAChange() throws Exception {
        assumeTrue(FreshTestDatabase.available(), "no PostgreSQL on 127.0.0.1:5432: the packaged-jar check needs one");
        BrowserCheck.assertInstalled();

        HttpServer webApp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webApp.createContext("/", exchange -> {
            byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        webApp.start();
        String origin = "http://127.0.0.1:" + webApp.getAddress().getPort();

        String database = FreshTestDatabase.create();
        Map<String, String> env = new HashMap<>(PackagedService.datasource(database));
        env.putAll(PackagedService.keys(files));
        // What an operator sets to let the web app's origin in (the contract's "Live events in a browser").
        env.put("QUARKUS_HTTP_CORS_ENABLED", "true");
        env.put("QUARKUS_HTTP_CORS_ORIGINS", origin);
        try (PackagedService app = PackagedService.start(env, files.resolve("app.log"))) {
            app.awaitReady();
            HttpResponse<String> registered = app.send(
                    "POST",
                    "/v1/auth/register",
                    null,
                    new ObjectMapper().writeValueAsString(Accounts.anAccount().body()));
            assertEquals(201, registered.statusCode(), registered.body());
            String token = JsonPath.from(registered.body()).getString("tokens.accessToken");

            BrowserCheck.Run run =
                    BrowserCheck.run("event-source-check.mjs", files, Map.of(), origin + "/", app.baseUrl(), token);
            System.out.println("event-source-check.mjs printed:\n" + run.output());
            assertEquals(
                    0,
                    run.exitCode(),
                    "a plain EventSource in Chromium did not receive the change; the check printed:\n" + run.output());
            assertTrue(run.output().contains("change event received"), run.output());
            assertTrue(run.output().contains("the spent ticket's URL again: error"), run.output());
            assertFalse(run.output().contains(token), "the check printed the bearer token");
            assertFalse(TICKET.matcher(run.output()).find(), "the check printed a ticket");
            assertFalse(TICKET.matcher(app.output()).find(), "the service logged a ticket:\n" + app.output());
        } finally {
            webApp.stop(0);
            FreshTestDatabase.drop(database);
        }
    }
}
