package app.partnersync.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.partnersync.support.Accounts;
import app.partnersync.support.BrowserCheck;
import app.partnersync.support.FreshTestDatabase;
import app.partnersync.support.PackagedService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Swagger UI used as a person uses it, in headless Chromium against the packaged service: authorize with a bearer
 * token, run GET /v1/me from the page, and see 200 with the account's email. The browser steps are
 * {@code tools/browser/swagger-ui-check.mjs} (playwright-core driving Debian's Chromium); .ci/run installs both.
 */
class SwaggerUiBrowserIT {

    private static final Path SCREENSHOT =
            Path.of("target", "swagger-ui-check-failure.png").toAbsolutePath();

    @TempDir
    Path files;

    @Test
    void authorizesAndRunsGetMeFromSwaggerUi() throws Exception {
        assumeTrue(FreshTestDatabase.available(), "no PostgreSQL on 127.0.0.1:5432: the packaged-jar check needs one");
        BrowserCheck.assertInstalled();

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

            Files.deleteIfExists(SCREENSHOT);
            BrowserCheck.Run run = BrowserCheck.run(
                    "swagger-ui-check.mjs",
                    files,
                    Map.of("SWAGGER_UI_CHECK_SCREENSHOT", SCREENSHOT.toString()),
                    app.baseUrl(),
                    token,
                    (String) account.get("email"));
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
}
