package app.partnersync.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.partnersync.support.FreshTestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> started = new ArrayList<>();
    private String database;

    @TempDir
    Path keys;

    @BeforeEach
    void freshDatabase() {
        assumeTrue(FreshTestDatabase.available(), "no PostgreSQL on 127.0.0.1:5432: the packaged-jar check needs one");
        database = FreshTestDatabase.create();
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (database != null) {
            FreshTestDatabase.drop(database);
        }
    }

    @Test
    void startsMigratesAndServesGivenOnlyDatasourceAndKeys() throws Exception {
        writeKeyPair();
        int port = freePort();
        Map<String, String> env = datasource();
        env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.resolve("private.pem").toString());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.resolve("public.pem").toString());
        Process app = start(env, port, keys.resolve("app.log"));

        HttpResponse<String> ready = awaitReady(app, port, keys.resolve("app.log"));
        assertTrue(
                ready.body().contains("\"status\": \"UP\"") || ready.body().contains("\"status\":\"UP\""),
                ready.body());

        String email = "it-" + UUID.randomUUID() + "@example.test";
        HttpResponse<String> registered = post(
                port,
                "/v1/auth/register",
                "{\"email\":\"" + email
                        + "\",\"password\":\"packaged jar passphrase\",\"displayName\":\"Jar\",\"timeZone\":\"Europe/Berlin\"}");
        assertEquals(201, registered.statusCode(), registered.body());
        String token = registered.body().replaceAll("(?s).*\"accessToken\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> me = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/me"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains(email));

        HttpResponse<String> contract = get(port, "/q/openapi");
        assertEquals(200, contract.statusCode());
        assertTrue(
                contract.body().contains("title: partner-sync API"),
                "the packaged build serves the committed contract");
        assertTrue(contract.body().contains("/v1/auth/register"));
        assertEquals(200, get(port, "/q/swagger-ui/").statusCode(), "Swagger UI is served by the packaged build");
    }

    @Test
    void refusesToStartWithoutKeysAndNamesTheMissingSettings() throws Exception {
        Path log = keys.resolve("app.log");
        Process app = start(datasource(), freePort(), log);

        assertTrue(app.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS), "the service should have exited");
        assertNotEquals(0, app.exitValue());
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(output.contains("smallrye.jwt.sign.key.location"), output);
        assertTrue(output.contains("SMALLRYE_JWT_SIGN_KEY_LOCATION"), output);
        assertTrue(output.contains("mp.jwt.verify.publickey.location"), output);
    }

    private Map<String, String> datasource() {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", FreshTestDatabase.url(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", FreshTestDatabase.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", FreshTestDatabase.password());
        return env;
    }

    private Process start(Map<String, String> env, int port, Path log) throws IOException {
        String jar = System.getProperty("partnersync.app.jar", "target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(Path.of(jar)), "package the service first: " + jar);
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-jar",
                jar);
        builder.environment()
                .keySet()
                .removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("SMALLRYE_") || key.startsWith("MP_JWT"));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private HttpResponse<String> awaitReady(Process app, int port, Path log) throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                throw new AssertionError("the service exited with " + app.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> ready = get(port, "/q/health/ready");
                if (ready.statusCode() == 200) {
                    return ready;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready within " + STARTUP + ":\n" + Files.readString(log));
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port, String path, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void writeKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(
                keys.resolve("private.pem"),
                pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(
                keys.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
