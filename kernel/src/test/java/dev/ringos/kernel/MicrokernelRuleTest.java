package dev.ringos.kernel;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.ringos.cpu.Cpu;
import dev.ringos.cpu.PhysicalMemory;
import dev.ringos.kernel.syscall.Errno;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The microkernel rule of DESIGN.md §4, checked on the kernel's compiled classes: only the core
 * touches the machine, and the layers point downward — syscall → servers → core. (The wiring
 * class {@link Kernel} builds the machine and all the layers, so it may see every one of them.)
 */
class MicrokernelRuleTest {
    private static final String CPU = "dev.ringos.cpu..";
    private static final String CORE = "dev.ringos.kernel.core..";
    private static final String SERVERS = "dev.ringos.kernel.servers..";
    private static final String SYSCALL = "dev.ringos.kernel.syscall..";
    private static final String SECURITY = "dev.ringos.kernel.security..";
    /** The package of the wiring class alone (no subpackages). */
    private static final String WIRING = "dev.ringos.kernel";

    private static JavaClasses kernel;

    @BeforeAll
    static void importTheKernel() {
        kernel = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ringos.kernel");
    }

    @Test
    void onlyTheCoreAndTheWiringClassDependOnTheMachine() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.ringos.kernel..")
                .and().resideOutsideOfPackage(CORE)
                .and().doNotHaveFullyQualifiedName(Kernel.class.getName())
                .should().dependOnClassesThat().resideInAPackage(CPU)
                .because("servers, the syscall layer and seccomp hold policy and reach the machine only through "
                        + "the core's kernel calls (DESIGN.md §4)");
        rule.check(kernel);
    }

    @Test
    void theCoreDependsOnNoLayerAboveIt() {
        ArchRule rule = noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(SERVERS, SYSCALL, SECURITY, WIRING)
                .because("the core is the bottom layer: it hears from the layers above only through interfaces "
                        + "it defines itself (SyscallHandler, ProcessEvents)");
        rule.check(kernel);
    }

    @Test
    void serversDependOnTheSyscallLayerOnlyForErrno() {
        // Errno is the ABI's vocabulary, shared by every layer: a server's handler answers with
        // Linux's error numbers, which the syscall layer passes to the user unchanged. The core
        // alone stays below it (KernelCalls spells EINTR as a number).
        ArchRule rule = noClasses().that().resideInAPackage(SERVERS)
                .should().dependOnClassesThat(resideInAPackage(SYSCALL).and(not(errno())))
                .because("a server is reached through the syscall layer, never the other way round");
        rule.check(kernel);
    }

    @Test
    void nothingOutsideTheCoreTouchesTheCpuOrPhysicalMemory() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.ringos.kernel..")
                .and().resideOutsideOfPackage(CORE)
                .should().dependOnClassesThat().belongToAnyOf(Cpu.class, PhysicalMemory.class)
                .because("only the core touches the CPU and physical memory; everyone else copies in and out "
                        + "through UserMemory");
        rule.check(kernel);
    }

    /** Errno, or an array of it. */
    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> errno() {
        return describe("Errno", c -> c.getBaseComponentType().isEquivalentTo(Errno.class));
    }
}
