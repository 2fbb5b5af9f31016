package dev.kurashi.reading;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Boundaries of reading delivery (bundled into shop-app). Core owns the reading feature under the
 * same base package, so only this module's compiled classes are imported. Rules hold vacuously
 * until the module has classes they apply to.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(new OnlyThisModule())
            .importPackages("dev.kurashi.reading");

    @Test
    void neverDependsOnAnApp() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.kurashi.shop..", "dev.kurashi.queueworker..", "dev.kurashi.batchworker..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void noEntityInRestOrWeb() {
        noClasses()
                .that()
                .resideInAnyPackage("..rest..", "..web..")
                .should()
                .beAnnotatedWith("jakarta.persistence.Entity")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void resourcesGoThroughServices() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .or()
                .haveSimpleNameEndingWith("Page")
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Repository")
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo("io.quarkus.hibernate.orm.panache.PanacheRepositoryBase")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void slicesFreeOfCycles() {
        slices().matching("dev.kurashi.reading.(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    /** Surefire runs in the module directory, whose {@code target/classes} holds its main classes. */
    static final class OnlyThisModule implements ImportOption {
        private static final String MAIN_CLASSES =
                Path.of("target/classes").toAbsolutePath().toUri().toString();

        @Override
        public boolean includes(Location location) {
            return location.asURI().toString().startsWith(MAIN_CLASSES);
        }
    }
}
