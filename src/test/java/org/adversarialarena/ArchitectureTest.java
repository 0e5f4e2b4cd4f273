package org.adversarialarena;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
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
import org.adversarialarena.ml.fastpath.FastPath;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
                        "org.apache.commons..", "com.google..", "lombok..",
                        // the speed layer sets the native runtime's environment through JNA (NativeThreads)
                        "com.sun.jna..")
                .check(CLASSES);
    }

    /** The security wiring is the one place outside a ui package that must name Vaadin: it secures Vaadin's routes. */
    @Test
    void onlyUserInterfacesKnowVaadin() {
        noClasses().that().resideOutsideOfPackages("org.adversarialarena..ui..", "org.adversarialarena.base.security..")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(CLASSES);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.adversarialarena.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theCompetitionCoreKnowsNothingOfItsTracks() {
        noClasses().that().resideInAPackage("org.adversarialarena.competition")
                .should().dependOnClassesThat().resideInAPackage("org.adversarialarena.competition.forgetrack..")
                .check(CLASSES);
    }

    @Test
    void machineLearningPackagesHaveNoCycles() {
        slices().matching("org.adversarialarena.ml.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theFastPathIsALeaf() {
        noClasses().that().resideInAPackage("org.adversarialarena.ml.fastpath..")
                .should().dependOnClassesThat(resideInAPackage("org.adversarialarena..")
                        .and(not(resideInAPackage("org.adversarialarena.ml.fastpath.."))))
                .check(CLASSES);
    }

    @Test
    void theFastPathIsReachedOnlyThroughItsEntryPoint() {
        noClasses().that().resideOutsideOfPackage("org.adversarialarena.ml.fastpath..")
                .should().dependOnClassesThat(resideInAPackage("org.adversarialarena.ml.fastpath..")
                        .and(not(equivalentTo(FastPath.class))))
                .check(CLASSES);
    }

    @Test
    void repositoriesStayInsideTheirFeature() {
        classes().that().areAssignableTo(Repository.class).should().notBePublic().check(CLASSES);
    }

    @Test
    void repositoriesAreUsedOnlyByTransactionalServicesOfTheirOwnFeature() {
        classes().that().areAssignableTo(Repository.class)
                .should(beUsedOnlyByTransactionalServicesOfTheirPackage())
                .check(CLASSES);
    }

    private static ArchCondition<JavaClass> beUsedOnlyByTransactionalServicesOfTheirPackage() {
        return new ArchCondition<>("be used only by transactional services of their own package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
                    JavaClass user = dependency.getOriginClass();
                    if (user.isAssignableTo(Repository.class)) {
                        continue;
                    }
                    boolean samePackage = user.getPackageName().equals(repository.getPackageName());
                    if (!samePackage || !isTransactionalService(user)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                + ": only a @Service of the repository's own package with @Transactional methods may use it"));
                    }
                }
            }
        };
    }

    private static boolean isTransactionalService(JavaClass type) {
        return type.isAnnotatedWith(Service.class)
                && (type.isAnnotatedWith(Transactional.class)
                        || type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(Transactional.class)));
    }
}
