package dev.kurashi.shop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Module boundaries of this app; rules hold vacuously until the app has classes they apply to. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.kurashi.shop");

    @Test
    void appsNeverDependOnEachOther() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.kurashi.queueworker..", "dev.kurashi.batchworker..")
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
    void featureSlicesFreeOfCycles() {
        slices().matching("dev.kurashi.shop.(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
