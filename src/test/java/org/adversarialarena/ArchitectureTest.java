package org.adversarialarena;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/** The dependency rules of our layout, stated as tests so they stay true. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.adversarialarena");

    @Test
    void theMachineLearningCoreKnowsNothingOfSpringOrVaadin() {
        noClasses().that().resideInAPackage("org.adversarialarena.ml..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.vaadin..", "jakarta.persistence..")
                .check(CLASSES);
    }

    @Test
    void theMachineLearningCoreDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.adversarialarena.ml..")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "org.adversarialarena.ml..", "java..", "javax..", "org.deeplearning4j..", "org.nd4j..",
                        "org.bytedeco..", "org.jspecify..", "org.slf4j..", "com.fasterxml..", "tools.jackson..",
                        "org.apache.commons..", "com.google..", "lombok..")
                .check(CLASSES);
    }

    @Test
    void onlyUserInterfacesKnowVaadin() {
        noClasses().that().resideOutsideOfPackage("org.adversarialarena..ui..")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(CLASSES);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.adversarialarena.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void repositoriesStayInsideTheirFeature() {
        classes().that().areAssignableTo(Repository.class).should().notBePublic().check(CLASSES);
    }
}
