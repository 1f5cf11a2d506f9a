; number.inc: strtol, strtoul, atoi, parse_int, parse_uint, itoa, utoa.
%include "lib.inc"
%include "check.inc"

; strtol_case "text", BASE: prints the value, where it stopped and errno
%macro strtol_case 2
section .rodata
%%s: db %1, 0
section .text
        mov dword [errno], 0
        c3 strtol, %%s, end, %2
        mov ecx, [end]
        sub ecx, %%s
        push dword [errno]
        push ecx
        push eax
        push %%s
        push strtol_format
        call printf
        add esp, 20
%endmacro

%macro strtoul_case 2
section .rodata
%%s: db %1, 0
section .text
        mov dword [errno], 0
        c3 strtoul, %%s, end, %2
        mov ecx, [end]
        sub ecx, %%s
        push dword [errno]
        push ecx
        push eax
        push %%s
        push strtoul_format
        call printf
        add esp, 20
%endmacro

; parse_case FUNCTION, "text", BASE: the result, the value stored and errno
%macro parse_case 3
section .rodata
%%s: db %2, 0
section .text
        mov dword [errno], 0
        mov dword [value], 0x5A5A5A5A
        c3 %1, %%s, %3, value
        push dword [errno]
        push dword [value]
        push eax
        push %%s
        push parse_format
        call printf
        add esp, 20
%endmacro

%macro atoi_case 1
section .rodata
%%s: db %1, 0
section .text
        c1 atoi, %%s
        push eax
        push %%s
        push atoi_format
        call printf
        add esp, 12
%endmacro

; format_case FUNCTION, VALUE, BASE: the text and the length returned
%macro format_case 3
        c3 %1, %2, buffer, %3
        push eax
        push buffer
        push format_format
        call printf
        add esp, 12
%endmacro

main:
        strtol_case "0", 10
        strtol_case "42", 10
        strtol_case "-42", 10
        strtol_case "+42", 10
        strtol_case `  \t 7 apples`, 10
        strtol_case "2147483647", 10
        strtol_case "2147483648", 10
        strtol_case "-2147483648", 10
        strtol_case "-2147483649", 10
        strtol_case "99999999999999999999", 10
        strtol_case "-99999999999999999999", 10
        strtol_case "", 10
        strtol_case "   ", 10
        strtol_case "-", 10
        strtol_case "abc", 10
        strtol_case "ff", 16
        strtol_case "0xff", 16
        strtol_case "0XFF", 16
        strtol_case "0x", 16
        strtol_case "0xg", 16
        strtol_case "0x1f", 0
        strtol_case "017", 0
        strtol_case "019", 0
        strtol_case "0", 0
        strtol_case "19", 0
        strtol_case "777", 8
        strtol_case "101102", 2
        strtol_case "zz", 36
        strtol_case "12", 1
        strtol_case "12", 37
        strtol_case "12", -1
        strtoul_case "4294967295", 10
        strtoul_case "4294967296", 10
        strtoul_case "-1", 10
        strtoul_case "ffffffff", 16
        strtoul_case "100000000", 16
        atoi_case "123"
        atoi_case " -9x"
        atoi_case "x9"
        atoi_case ""
        parse_case parse_int, "42", 10
        parse_case parse_int, "-2147483648", 10
        parse_case parse_int, "2147483647", 10
        parse_case parse_int, "2147483648", 10
        parse_case parse_int, "-2147483649", 10
        parse_case parse_int, "", 10
        parse_case parse_int, " 1", 10
        parse_case parse_int, "1 ", 10
        parse_case parse_int, "12x", 10
        parse_case parse_int, "-", 10
        parse_case parse_int, "+5", 10
        parse_case parse_int, "7f", 16
        parse_case parse_int, "0x7f", 16
        parse_case parse_int, "0x7f", 0
        parse_case parse_int, "0755", 0
        parse_case parse_int, "0755", 8
        parse_case parse_int, "8", 8
        parse_case parse_int, "1", 99
        parse_case parse_uint, "4294967295", 10
        parse_case parse_uint, "4294967296", 10
        parse_case parse_uint, "-1", 10
        parse_case parse_uint, "0", 10
        parse_case parse_uint, "ffffffff", 16
        c3 parse_int, 0, 10, value
        show2 "parse_int(NULL) -> %d errno %d", eax, [errno]
        format_case itoa, 0, 10
        format_case itoa, 42, 10
        format_case itoa, -42, 10
        format_case itoa, INT_MAX, 10
        format_case itoa, INT_MIN, 10
        format_case itoa, -1, 16
        format_case itoa, 255, 2
        format_case utoa, -1, 10
        format_case utoa, 0xDEADBEEF, 16
        format_case utoa, 511, 8
        format_case utoa, 35, 36
        format_case utoa, 0, 16
        format_case utoa, 12, 1
        xor eax, eax
        ret

section .rodata
strtol_format:  db "strtol('%s') = %d, read %d, errno %d", 10, 0
strtoul_format: db "strtoul('%s') = %u, read %d, errno %d", 10, 0
parse_format:   db "parse('%s') -> %d, value %d, errno %d", 10, 0
atoi_format:    db "atoi('%s') = %d", 10, 0
format_format:  db "[%s] %d", 10, 0

section .bss
end:            resd 1
value:          resd 1
buffer:         resb 40
