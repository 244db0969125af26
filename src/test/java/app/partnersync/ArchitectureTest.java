package app.partnersync;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package graph of {@code src/main} (docs/architecture.md): every dependency between two packages runs one way,
 * and the foundation packages know nothing of the domain. ArchUnit reads the compiled classes, so a class named by
 * its full name, a constant, an annotation or a lambda counts as much as an import.
 */
@AnalyzeClasses(packages = "app.partnersync", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String APP = "app.partnersync..";

    @ArchTest
    static final ArchRule noPackageDependsOnItselfThroughOthers = slices().matching("app.partnersync.(*)..")
            .namingSlices("$1")
            .should()
            .beFreeOfCycles()
            .because("a cycle between packages means neither can be understood, changed or tested without the other");

    @ArchTest
    static final ArchRule identityStandsAlone = foundation("identity")
            .because("who is calling (identity/) is read by every package, so it can depend on none of them");

    @ArchTest
    static final ArchRule accountDataStandsAlone = foundation("accountdata")
            .because("the export and erasure plug-in points must be visible to every package that stores personal"
                    + " data, sync/ included");

    @ArchTest
    static final ArchRule commonKnowsNoDomain = foundation("common", "identity")
            .because("common/ is the HTTP mechanics every resource uses (problems, paging, versions, idempotency,"
                    + " rate limits): it may know who is calling, never a domain package");

    @ArchTest
    static final ArchRule syncKnowsNoRecordType = foundation("sync", "common", "identity", "accountdata")
            .because("the feed, push, announcements and live streams serve every synced type, so none of them may"
                    + " be known to sync/ (a type joins by providing a SyncedType bean: sync/README.md)");

    /** Classes of {@code pkg} depend on nothing of the application but {@code pkg} itself and {@code allowed}. */
    private static ArchRule foundation(String pkg, String... allowed) {
        String[] own = new String[allowed.length + 1];
        own[0] = "app.partnersync." + pkg + "..";
        for (int i = 0; i < allowed.length; i++) {
            own[i + 1] = "app.partnersync." + allowed[i] + "..";
        }
        return classes()
                .that()
                .resideInAPackage(own[0])
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage(APP).or(resideInAnyPackage(own)))
                .as("classes of " + pkg + "/ depend on no other package of the application"
                        + (allowed.length == 0 ? "" : " but " + String.join(", ", allowed)));
    }
}
