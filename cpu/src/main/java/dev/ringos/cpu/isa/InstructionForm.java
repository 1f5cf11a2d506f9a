package dev.ringos.cpu.isa;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One row of the opcode table: an instruction with one operand form and its encoding.
 *
 * @param condition for jcc, the x86 condition code 0–15 (the opcode's low nibble); else -1
 * @param cycles    the virtual cycles it costs (for rep forms, per iteration)
 * @param operandSize the size in bytes the instruction operates on (1, 2 or 4)
 */
public record InstructionForm(String mnemonic, List<OperandType> operands, Encoding encoding, int cycles,
                              PrivilegeClass privilege, Op op, int condition, int operandSize) {

    /** "add r/m32, imm8" */
    public String syntax() {
        return operands.isEmpty() ? mnemonic
                : mnemonic + " " + operands.stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return encoding + "  " + syntax();
    }
}
