package dev.vigil.tests.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rules of docs/modules.md, checked on the compiled main classes of every module: which module
 * may use which, that the core has no third-party dependency, and that no packages form a cycle. A
 * wrong import, or a pom dependency that would allow one, fails here.
 */
class ArchitectureTest {
    private static JavaClasses vigil;

    @BeforeAll
    static void importClasses() {
        vigil = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.vigil");
    }

    @Test
    void everyModuleIsFound() {
        Set<Module> seen = EnumSet.noneOf(Module.class);
        Set<String> unknown = new TreeSet<>();
        for (JavaClass c : vigil) {
            Module.of(c).ifPresentOrElse(seen::add, () -> unknown.add(c.getName()));
        }
        assertEquals(EnumSet.allOf(Module.class), seen, "modules whose classes were imported");
        assertEquals(Set.of(), unknown, "classes outside every known module");
    }

    @Test
    void modulesUseOnlyWhatTheyMay() {
        for (Module m : Module.values()) {
            ArchRule rule = classes().that(residesIn(m)).should().onlyDependOnClassesThat(
                    outsideVigil().or(residesInOneOf(m.mayUse())))
                    .because(m.why());
            rule.check(vigil);
        }
    }

    @Test
    void coreHasNoThirdPartyDependency() {
        classes().that(residesIn(Module.CORE)).should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.vigil.runtime..")
                .because("device drivers see the core only, and must not carry the runtime's libraries")
                .check(vigil);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("dev.vigil.(**)").should().beFreeOfCycles().check(vigil);
    }

    private static DescribedPredicate<JavaClass> outsideVigil() {
        return DescribedPredicate.describe("lie outside Vigil", c -> !c.getPackageName().startsWith("dev.vigil"));
    }

    private static DescribedPredicate<JavaClass> residesIn(Module m) {
        return DescribedPredicate.describe("reside in module " + m.artifact(), c -> Module.of(c).orElse(null) == m);
    }

    private static DescribedPredicate<JavaClass> residesInOneOf(Set<Module> allowed) {
        return DescribedPredicate.describe("reside in one of " + allowed,
                c -> Module.of(c).map(allowed::contains).orElse(false));
    }
}
