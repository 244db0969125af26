package app.partnersync.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.partnersync.support.Accounts;
import app.partnersync.support.FreshTestDatabase;
import app.partnersync.support.PackagedService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Swagger UI used as a person uses it, in headless Chromium against the packaged service: authorize with a bearer
 * token, run GET /v1/me from the page, and see 200 with the account's email. The browser steps are
 * {@code tools/browser/swagger-ui-check.mjs} (playwright-core driving Debian's Chromium); .ci/run installs both.
 */
class SwaggerUiBrowserIT {

    private static final Path TOOLS = Path.of("tools", "browser").toAbsolutePath();
    private static final Path SCRIPT = TOOLS.resolve("swagger-ui-check.mjs");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    private static final Path SCREENSHOT =
            Path.of("target", "swagger-ui-check-failure.png").toAbsolutePath();
    /** Beyond the script's own 60-second limit, so the script's message is what a slow run reports. */
    private static final Duration BROWSER_LIMIT = Duration.ofSeconds(90);

    private static final String INSTALL = "run .ci/run, which installs them, or install them by hand:"
            + " `apt-get update && apt-get install -y chromium` and `npm ci --prefix tools/browser`";

    @TempDir
    Path files;

    @Test
    void authorizesAndRunsGetMeFromSwaggerUi() throws Exception {
        assumeTrue(FreshTestDatabase.available(), "no PostgreSQL on 127.0.0.1:5432: the packaged-jar check needs one");
        assertTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + ": " + INSTALL);
        assertTrue(
                Files.isDirectory(TOOLS.resolve("node_modules").resolve("playwright-core")),
                "no playwright-core in " + TOOLS.resolve("node_modules") + ": " + INSTALL);

        String database = FreshTestDatabase.create();
        Map<String, String> env = new HashMap<>(PackagedService.datasource(database));
        env.putAll(PackagedService.keys(files));
        try (PackagedService app = PackagedService.start(env, files.resolve("app.log"))) {
            app.awaitReady();
            Map<String, Object> account = Accounts.anAccount().body();
            HttpResponse<String> registered =
                    app.send("POST", "/v1/auth/register", null, new ObjectMapper().writeValueAsString(account));
            assertEquals(201, registered.statusCode(), registered.body());
            String token = JsonPath.from(registered.body()).getString("tokens.accessToken");

            BrowserRun run = runCheck(app.baseUrl(), token, (String) account.get("email"));
            System.out.println("swagger-ui-check.mjs printed:\n" + run.output());
            assertEquals(
                    0,
                    run.exitCode(),
                    "Swagger UI in Chromium did not show GET /v1/me answering 200 with the account's email"
                            + (Files.exists(SCREENSHOT) ? " (screenshot: " + SCREENSHOT + ")" : "")
                            + "; the check printed:\n" + run.output());
            assertTrue(run.output().contains("response code shown: 200"), run.output());
        } finally {
            FreshTestDatabase.drop(database);
        }
    }

    private BrowserRun runCheck(String baseUrl, String token, String email) throws Exception {
        Files.deleteIfExists(SCREENSHOT);
        Path output = files.resolve("swagger-ui-check.out");
        ProcessBuilder builder = new ProcessBuilder("node", SCRIPT.toString(), baseUrl, token, email)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("CHROMIUM_PATH", CHROMIUM.toString());
        builder.environment().put("SWAGGER_UI_CHECK_SCREENSHOT", SCREENSHOT.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException noNode) {
            return fail("could not run node (Node.js 20 or later is needed for the browser check): " + noNode);
        }
        if (!process.waitFor(BROWSER_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            stop(process);
            return fail("the browser check did not end within " + BROWSER_LIMIT + "; it printed:\n" + read(output));
        }
        return new BrowserRun(process.exitValue(), read(output));
    }

    /** Node closes the Chromium it launched on SIGTERM; whatever is left of it afterwards is killed. */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> browser = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        browser.forEach(ProcessHandle::destroyForcibly);
    }

    private static String read(Path output) throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    private record BrowserRun(int exitCode, String output) {}
}
