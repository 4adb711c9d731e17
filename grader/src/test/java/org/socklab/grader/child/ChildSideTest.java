package org.socklab.grader.child;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The child side runs next to the submission; it must not drag the grader in with it. */
class ChildSideTest {
    private static final JavaClasses CHILD = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.socklab.grader.child");

    @Test
    void should_use_the_jdk_only_except_the_check_host() {
        classes()
                .that()
                .haveNameNotMatching(".*[.]CheckHost([$].*)?")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.socklab.grader.child..")
                .because("the hosts connect their channel before any class of the submission loads, and judge nothing")
                .check(CHILD);
    }
}
