package app.partnersync.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.partnersync.support.FreshTestDatabase;
import app.partnersync.support.PackagedService;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, as production runs it: given only the datasource and key settings it migrates a fresh database,
 * reports ready and serves the API and its contract; without keys it refuses to start and names what is missing.
 */
class PackagedJarIT {

    private String database;

    @TempDir
    Path files;

    @BeforeEach
    void freshDatabase() {
        assumeTrue(FreshTestDatabase.available(), "no PostgreSQL on 127.0.0.1:5432: the packaged-jar check needs one");
        database = FreshTestDatabase.create();
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            FreshTestDatabase.drop(database);
        }
    }

    @Test
    void startsMigratesAndServesGivenOnlyDatasourceAndKeys() throws Exception {
        Map<String, String> env = new HashMap<>(PackagedService.datasource(database));
        env.putAll(PackagedService.keys(files));
        try (PackagedService app = PackagedService.start(env, files.resolve("app.log"))) {
            HttpResponse<String> ready = app.awaitReady();
            assertTrue(ready.body().replace(" ", "").contains("\"status\":\"UP\""), ready.body());

            String email = "it-" + UUID.randomUUID() + "@example.test";
            HttpResponse<String> registered = app.send(
                    "POST",
                    "/v1/auth/register",
                    null,
                    "{\"email\":\"" + email
                            + "\",\"password\":\"packaged jar passphrase\",\"displayName\":\"Jar\",\"timeZone\":\"Europe/Berlin\"}");
            assertEquals(201, registered.statusCode(), registered.body());
            String token = registered.body().replaceAll("(?s).*\"accessToken\":\"([^\"]+)\".*", "$1");
            HttpResponse<String> me = app.get("/v1/me", token);
            assertEquals(200, me.statusCode(), me.body());
            assertTrue(me.body().contains(email));

            HttpResponse<String> contract = app.get("/q/openapi", null);
            assertEquals(200, contract.statusCode());
            assertTrue(
                    contract.body().contains("title: partner-sync API"),
                    "the packaged build serves the committed contract");
            assertTrue(contract.body().contains("/v1/auth/register"));
            assertEquals(
                    200, app.get("/q/swagger-ui/", null).statusCode(), "Swagger UI is served by the packaged build");
        }
    }

    @Test
    void refusesToStartWithoutKeysAndNamesTheMissingSettings() throws Exception {
        try (PackagedService app =
                PackagedService.start(PackagedService.datasource(database), files.resolve("app.log"))) {
            assertTrue(
                    app.process().waitFor(PackagedService.STARTUP.toSeconds(), TimeUnit.SECONDS),
                    "the service should have exited");
            assertNotEquals(0, app.process().exitValue());
            String output = app.output();
            assertTrue(output.contains("smallrye.jwt.sign.key.location"), output);
            assertTrue(output.contains("SMALLRYE_JWT_SIGN_KEY_LOCATION"), output);
            assertTrue(output.contains("mp.jwt.verify.publickey.location"), output);
        }
    }
}
