package app.partnersync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each package owns its tables (decision 013): the SQL and JPQL written in a package name its own tables and
 * entities, or those of a package it depends on, never one of a package above or beside it, so that no package reads
 * what another changes behind its back and the table graph cannot grow the cycles the package graph may not have.
 * {@code insight/} is the read model and may read every table. And only {@code sync/} talks to PostgreSQL's
 * notifications ({@code pg_notify}, {@code LISTEN}): every announcement goes through {@code sync/Announcements}.
 *
 * <p>It reads the source of {@code src/main/java} (the string literals and text blocks of each file) and the compiled
 * classes (their {@code @Table}, and the package graph as ArchUnit sees it).
 */
class SqlOwnershipTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "app", "partnersync");
    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    private static final String APP = "app.partnersync.";

    /** Tables without an entity, and the package that owns each (writes it and answers for it). */
    private static final Map<String, String> TABLES_WITHOUT_ENTITY = Map.of(
            "check_in_reminder", "cadence",
            "ended_session", "auth",
            "idempotency_key", "common",
            "occurrence_history", "commitment",
            "rate_limit", "common",
            "sync_change", "sync",
            "sync_mutation", "sync",
            "sync_secret", "sync",
            "stream_ticket", "sync");

    /** The read model: it reads what the others write, and writes nothing of theirs. */
    private static final Set<String> READ_MODELS = Set.of("insight");

    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern NAMED =
            Pattern.compile("\\b(?:from|join|update|into)\\s+([A-Za-z_][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE);

    private static JavaClasses classes;
    /** Table or entity name → owning package. */
    private static final Map<String, String> owners = new HashMap<>();
    /** Package → every package it reaches through dependencies. */
    private static final Map<String, Set<String>> reaches = new HashMap<>();

    @BeforeAll
    static void readClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.partnersync");
        Map<String, Set<String>> edges = new HashMap<>();
        for (JavaClass type : classes) {
            String pkg = slice(type.getPackageName());
            if (pkg == null) {
                continue;
            }
            if (type.isAnnotatedWith(Table.class)) {
                owners.put(type.getAnnotationOfType(Table.class).name(), pkg);
                owners.put(type.getSimpleName(), pkg);
            }
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                String target = slice(dependency.getTargetClass().getPackageName());
                if (target != null && !target.equals(pkg)) {
                    edges.computeIfAbsent(pkg, p -> new HashSet<>()).add(target);
                }
            }
        }
        owners.putAll(TABLES_WITHOUT_ENTITY);
        for (String pkg : edges.keySet()) {
            Set<String> seen = new HashSet<>();
            List<String> next = new ArrayList<>(edges.get(pkg));
            while (!next.isEmpty()) {
                String reached = next.remove(next.size() - 1);
                if (seen.add(reached)) {
                    next.addAll(edges.getOrDefault(reached, Set.of()));
                }
            }
            reaches.put(pkg, seen);
        }
    }

    @Test
    void everyTableHasAnOwningPackage() throws IOException {
        Set<String> unowned = new TreeSet<>();
        Pattern create = Pattern.compile("create table\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Matcher table = create.matcher(Files.readString(file));
                while (table.find()) {
                    if (!owners.containsKey(table.group(1))) {
                        unowned.add(table.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertTrue(
                unowned.isEmpty(), "tables with neither an entity nor an owner in TABLES_WITHOUT_ENTITY: " + unowned);
    }

    @Test
    void noPackageReadsOrWritesATableOfAPackageAboveOrBesideIt() {
        Map<String, Set<String>> violations = new TreeMap<>();
        int references = 0;
        for (Path file : sources()) {
            String pkg = SOURCES.relativize(file).getName(0).toString();
            if (READ_MODELS.contains(pkg)) {
                continue;
            }
            Matcher named = NAMED.matcher(literals(file));
            while (named.find()) {
                String owner = owners.get(named.group(1));
                if (owner == null) {
                    continue;
                }
                references++;
                if (!owner.equals(pkg) && !reaches.getOrDefault(pkg, Set.of()).contains(owner)) {
                    violations
                            .computeIfAbsent(pkg + " -> " + owner, k -> new TreeSet<>())
                            .add(file.getFileName() + " names " + named.group(1));
                }
            }
        }
        assertTrue(references > 50, "the scan found the SQL it is meant to check (" + references + " references)");
        assertEquals(Map.of(), violations, "SQL naming a table of a package that does not sit below the writer's");
    }

    @Test
    void onlySyncTalksToPostgresNotifications() {
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = SOURCES.relativize(file).getName(0).toString();
            String source = read(file);
            if (!pkg.equals("sync") && (source.contains("pg_notify") || source.contains("LISTEN "))) {
                found.add(SOURCES.relativize(file).toString());
            }
        }
        assertEquals(List.of(), found, "pg_notify and LISTEN belong to sync/ (Announcements, Listener)");
    }

    /** Every string literal and text block of a source file, in order, one per line. */
    static String literals(Path file) {
        String source = read(file);
        StringBuilder literals = new StringBuilder();
        Matcher block = TEXT_BLOCK.matcher(source);
        StringBuilder rest = new StringBuilder();
        int end = 0;
        while (block.find()) {
            literals.append(block.group(1)).append('\n');
            rest.append(source, end, block.start());
            end = block.end();
        }
        rest.append(source.substring(end));
        // A quote as a char literal would pair up with the next string's opening quote.
        String code = rest.toString().replace("'\"'", "' '");
        // Concatenated pieces of one statement ("... from " + "occurrence ...") are joined by the newline.
        Matcher string = STRING.matcher(code);
        while (string.find()) {
            literals.append(string.group(1)).append('\n');
        }
        return literals.toString();
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> java = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> SOURCES.relativize(f).getNameCount() > 1)
                    .sorted()
                    .toList();
            assertTrue(java.size() > 100, "read the sources from " + SOURCES.toAbsolutePath());
            return java;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The top-level package under app.partnersync, or null outside it. */
    private static String slice(String packageName) {
        if (!packageName.startsWith(APP)) {
            return null;
        }
        String rest = packageName.substring(APP.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
