; Reads lines from stdin and answers each on a line of its own, for checks against Java:
;   "F <format> <decimal>"   printf(format, number)
;   "P <base> <text>"        parse_int(text, base): "= value", or "error E" with errno's name
%include "lib.inc"
%include "check.inc"

main:
        push ebx
.next:  c3 read_line, STDIN_FILENO, line, 256
        test eax, eax
        jle .done
        c1 chomp, line
        c3 split, line, words, 4
        cmp eax, 3
        jne .bad
        mov ebx, [words]
        cmp byte [ebx], 'F'
        je .format
        cmp byte [ebx], 'P'
        je .parse
.bad:   say "bad line"
        jmp .next
.format:
        c3 parse_int, [words+8], 10, value
        test eax, eax
        jnz .bad
        c2 printf, [words+4], [value]
        c1 putchar, 10
        jmp .next
.parse: c3 parse_int, [words+4], 10, value
        test eax, eax
        jnz .bad
        c3 parse_int, [words+8], [value], number
        test eax, eax
        jnz .error
        show "= %d", [number]
        jmp .next
.error: c1 strerrorname_np, [errno]
        show "error %s", eax
        jmp .next
.done:  xor eax, eax
        pop ebx
        ret

section .bss
line:       resb 256
words:      resd 4
value:      resd 1
number:     resd 1
