; false: does nothing, unsuccessfully.
%include "lib.inc"
%include "util.inc"

main:
        push usage
        push dword [esp+12]
        push dword [esp+12]
        call util_help
        add esp, 12
        mov eax, 1
        ret

section .rodata
usage:  db "Usage: false", 10, "Exit with a status code indicating failure.", 10, 0
