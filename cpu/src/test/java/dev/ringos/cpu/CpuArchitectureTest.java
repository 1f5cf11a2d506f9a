package dev.ringos.cpu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The machine knows nothing of any kernel, tool or library: it is the bottom of the dependency graph. */
class CpuArchitectureTest {
    private final JavaClasses cpu = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ringos.cpu");

    @Test
    void theMachineDependsOnlyOnItselfAndTheJdk() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("dev.ringos.cpu..", "java..")
                .check(cpu);
    }

    @Test
    void theOpcodeTablePackageDoesNotReachIntoTheMachine() {
        // isa is the table and the tools built on it (encoder, docs); the machine reads it, not the other way round,
        // except for the public constants the documentation is generated from.
        noClasses().that().resideInAPackage("dev.ringos.cpu.isa..")
                .should().dependOnClassesThat().haveSimpleNameStartingWith("Interpreter")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("Executor")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("Mmu")
                .check(cpu);
    }
}
