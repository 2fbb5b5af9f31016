package dev.kurashi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

/** The shape of core (see STYLE.md), checked on the compiled classes without booting Quarkus. */
class ArchitectureTest {

    private static final String BASE = "dev.kurashi.";

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.kurashi");

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("dev.kurashi.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void internalPackagesArePrivateToTheirFeature() {
        classes()
                .that()
                .resideInAPackage("dev.kurashi.*..internal..")
                .should(onlyBeUsedWithinTheirFeature())
                .allowEmptyShould(true)
                .check(CORE);
    }

    @Test
    void repositoriesAreUsedOnlyWithinTheirFeature() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Repository")
                .should(onlyBeUsedWithinTheirFeature())
                .check(CORE);
    }

    @Test
    void coreHasNoRestEndpoints() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("jakarta.ws.rs..")
                .check(CORE);
    }

    @Test
    void entitiesStayOutOfRestAndWebPackages() {
        noClasses()
                .that()
                .areAnnotatedWith(Entity.class)
                .should()
                .resideInAnyPackage("..rest..", "..web..")
                .check(CORE);
    }

    private static ArchCondition<JavaClass> onlyBeUsedWithinTheirFeature() {
        return new ArchCondition<>("only be used within their own feature") {
            @Override
            public void check(JavaClass target, ConditionEvents events) {
                String feature = feature(target);
                for (Dependency dependency : target.getDirectDependenciesToSelf()) {
                    if (!feature.equals(feature(dependency.getOriginClass()))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** "dev.kurashi.order.internal.Foo" → "order"; classes directly in dev.kurashi → "". */
    private static String feature(JavaClass javaClass) {
        String packageName = javaClass.getPackageName();
        if (!packageName.startsWith(BASE)) {
            return "";
        }
        String rest = packageName.substring(BASE.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
