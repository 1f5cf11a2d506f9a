; true: does nothing, successfully.
%include "lib.inc"
%include "util.inc"

main:
        push usage
        push dword [esp+12]
        push dword [esp+12]
        call util_help
        add esp, 12
        xor eax, eax
        ret

section .rodata
usage:  db "Usage: true", 10, "Exit with a status code indicating success.", 10, 0
