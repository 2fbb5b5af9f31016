package dev.kurashi.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules (docs/adr/1501-code-shape.md), one class for every module: a module's {@code ArchitectureTest} extends it
 * and names its base package. The rules read the module's own compiled classes ({@code target/classes}, where
 * Surefire runs) without booting Quarkus, and follow their dependencies into {@code core}: an app that reaches a
 * core feature's repository or {@code internal} package fails here, not only core itself.
 */
public abstract class ModuleArchitectureTest {

    private static final String BASE = "dev.kurashi.";
    /** The deployable apps' packages: no module depends on another's. */
    private static final List<String> APPS = List.of("shop", "queueworker", "batchworker");

    private final String basePackage;
    private final JavaClasses classes;

    /** @param basePackage the module's package, e.g. {@code dev.kurashi.queueworker} ({@code dev.kurashi} for core) */
    protected ModuleArchitectureTest(String basePackage) {
        this.basePackage = basePackage;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(new OnlyThisModule())
                .importPackages(basePackage);
    }

    /** Whether the module may serve HTTP (JAX-RS); core may not. */
    protected boolean servesHttp() {
        return true;
    }

    @Test
    void theModuleHasClasses() {
        if (classes.isEmpty()) {
            throw new AssertionError("no main classes of " + basePackage + " under " + OnlyThisModule.MAIN_CLASSES);
        }
    }

    @Test
    void featureSlicesAreFreeOfCycles() {
        // a flat module (batch-worker) has no slices
        slices().matching(basePackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void internalPackagesArePrivateToTheirFeature() {
        classes()
                .should(useInternalsOnlyOfTheirOwnFeature())
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void repositoriesAreUsedOnlyWithinTheirFeature() {
        classes()
                .should(useRepositoriesOnlyOfTheirOwnFeature())
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void noModuleDependsOnAnotherApp() {
        String[] others = APPS.stream()
                .map(app -> BASE + app)
                .filter(app -> !app.equals(basePackage))
                .map(app -> app + "..")
                .toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others).check(classes);
    }

    @Test
    void entitiesStayOutOfRestAndWebPackages() {
        noClasses()
                .that()
                .areAnnotatedWith("jakarta.persistence.Entity")
                .should()
                .resideInAnyPackage("..rest..", "..web..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyModulesThatServeHttpUseJaxRs() {
        if (!servesHttp()) {
            noClasses()
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("jakarta.ws.rs..")
                    .check(classes);
        }
    }

    /** A class in {@code p.internal..} may be used only by classes under {@code p}. */
    private static ArchCondition<JavaClass> useInternalsOnlyOfTheirOwnFeature() {
        return new ArchCondition<>("use internal packages only of their own feature") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    int internal = target.indexOf(".internal");
                    if (target.startsWith(BASE)
                            && internal > 0
                            && !origin.getPackageName().startsWith(target.substring(0, internal))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** A {@code *Repository} of {@code dev.kurashi.<feature>} may be used only by classes of that feature. */
    private static ArchCondition<JavaClass> useRepositoriesOnlyOfTheirOwnFeature() {
        return new ArchCondition<>("use repositories only of their own feature") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (target.getSimpleName().endsWith("Repository")
                            && target.getPackageName().startsWith(BASE)
                            && !feature(target).equals(feature(origin))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** "dev.kurashi.order.internal.Foo" → "order"; an app's classes → the app ("queueworker"). */
    static String feature(JavaClass javaClass) {
        String packageName = javaClass.getPackageName();
        if (!packageName.startsWith(BASE)) {
            return "";
        }
        String rest = packageName.substring(BASE.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /**
     * Surefire runs in the module directory, whose {@code target/classes} holds its main classes. Compared as paths:
     * ArchUnit's location URIs and {@link Path#toUri()} spell {@code file:} URIs differently.
     */
    private static final class OnlyThisModule implements ImportOption {
        private static final Path MAIN_CLASSES =
                Path.of("target/classes").toAbsolutePath().normalize();

        @Override
        public boolean includes(Location location) {
            URI uri = location.asURI();
            return "file".equals(uri.getScheme()) && Path.of(uri).normalize().startsWith(MAIN_CLASSES);
        }
    }
}
