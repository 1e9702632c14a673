package io.mq.broker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core modules stay plain Java: embeddable anywhere, never tied to Spring. */
class ArchitectureTest {

    private final com.tngtech.archunit.core.domain.JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mq.protocol", "io.mq.broker");

    @Test
    void coreModulesNeverImportSpring() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(core);
    }

    @Test
    void protocolNeverDependsOnTheBroker() {
        noClasses().that().resideInAPackage("io.mq.protocol..")
                .should().dependOnClassesThat().resideInAPackage("io.mq.broker..")
                .check(core);
    }
}
