package app.partnersync.support;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a browser check of {@code tools/browser} (a node script driving Debian's Chromium with playwright-core) and
 * returns what it printed; the Failsafe ITs that use a real browser share it. .ci/run installs both tools.
 */
public final class BrowserCheck {

    private static final Path TOOLS = Path.of("tools", "browser").toAbsolutePath();
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    /** Beyond the scripts' own 60-second limit, so the script's message is what a slow run reports. */
    private static final Duration LIMIT = Duration.ofSeconds(90);

    private static final String INSTALL = "run .ci/run, which installs them, or install them by hand:"
            + " `apt-get update && apt-get install -y chromium` and `npm ci --prefix tools/browser`";

    /** What the script printed, and how it ended. */
    public record Run(int exitCode, String output) {}

    private BrowserCheck() {}

    /** Fails, naming how to install them, when Chromium or playwright-core is missing. */
    public static void assertInstalled() {
        assertTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + ": " + INSTALL);
        assertTrue(
                Files.isDirectory(TOOLS.resolve("node_modules").resolve("playwright-core")),
                "no playwright-core in " + TOOLS.resolve("node_modules") + ": " + INSTALL);
    }

    /**
     * Runs {@code tools/browser/<script>} with {@code arguments} and the extra environment {@code env}, its output kept
     * in {@code files}; a script that outlives the limit is stopped with the browser it launched.
     */
    public static Run run(String script, Path files, Map<String, String> env, String... arguments) throws Exception {
        Path output = files.resolve(script + ".out");
        List<String> command =
                new ArrayList<>(List.of("node", TOOLS.resolve(script).toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("CHROMIUM_PATH", CHROMIUM.toString());
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException noNode) {
            return fail("could not run node (Node.js 20 or later is needed for the browser check): " + noNode);
        }
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            stop(process);
            return fail("the browser check did not end within " + LIMIT + "; it printed:\n" + read(output));
        }
        return new Run(process.exitValue(), read(output));
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
}
