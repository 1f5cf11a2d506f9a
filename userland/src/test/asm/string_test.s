; string.inc and ctype.inc, edge cases included.
%include "lib.inc"
%include "check.inc"

; sign of eax: -1, 0 or 1
%macro signum 0
        push eax
        call sign
        add esp, 4
%endmacro

main:
        push ebx
        push esi
        push edi
        ; strlen
        c1 strlen, empty
        show "strlen('') = %d", eax
        c1 strlen, hello
        show "strlen(hello) = %d", eax

        ; strcmp, strncmp: signs only, bytes unsigned
        c2 strcmp, abc, abc
        signum
        show "strcmp(abc, abc) %d", eax
        c2 strcmp, abc, abd
        signum
        show "strcmp(abc, abd) %d", eax
        c2 strcmp, abd, abc
        signum
        show "strcmp(abd, abc) %d", eax
        c2 strcmp, ab, abc
        signum
        show "strcmp(ab, abc) %d", eax
        c2 strcmp, abc, ab
        signum
        show "strcmp(abc, ab) %d", eax
        c2 strcmp, high, abc
        signum
        show "strcmp(\x80, abc) %d", eax
        c2 strcmp, empty, empty
        signum
        show "strcmp('', '') %d", eax
        c3 strncmp, abc, abd, 2
        signum
        show "strncmp(abc, abd, 2) %d", eax
        c3 strncmp, abc, abd, 3
        signum
        show "strncmp(abc, abd, 3) %d", eax
        c3 strncmp, abc, xyz, 0
        signum
        show "strncmp(abc, xyz, 0) %d", eax
        c3 strncmp, ab, abc, 5
        signum
        show "strncmp(ab, abc, 5) %d", eax

        ; strchr, strrchr: offsets, -1 for none
        c2 strchr, hello, 'l'
        sub eax, hello
        show "strchr(hello, l) at %d", eax
        c2 strchr, hello, 'z'
        show "strchr(hello, z) = %d", eax
        c2 strchr, hello, 0
        sub eax, hello
        show "strchr(hello, NUL) at %d", eax
        c2 strrchr, hello, 'l'
        sub eax, hello
        show "strrchr(hello, l) at %d", eax
        c2 strrchr, hello, 'z'
        show "strrchr(hello, z) = %d", eax
        c2 strrchr, hello, 0
        sub eax, hello
        show "strrchr(hello, NUL) at %d", eax

        ; strcpy, strcat, strncpy
        c2 strcpy, buffer, hello
        sub eax, buffer
        show "strcpy returned buffer+%d", eax
        c2 strcat, buffer, comma
        c2 strcat, buffer, abc
        show "strcat: [%s]", buffer
        c2 strcat, buffer, empty
        show "strcat(''): [%s]", buffer
        c3 memset, buffer, 'x', 12
        c3 strncpy, buffer, ab, 5
        call dump_buffer
        c3 memset, buffer, 'x', 12
        c3 strncpy, buffer, hello, 3
        call dump_buffer

        ; strdup
        c1 strdup, hello
        mov ebx, eax
        c2 strcmp, ebx, hello
        show "strdup equal: %d", eax
        cmp ebx, hello
        je .same
        say "strdup: a new copy"
.same:  c1 free, ebx

        ; strstr
        c2 strstr, hello, llo
        sub eax, hello
        show "strstr(hello, llo) at %d", eax
        c2 strstr, hello, empty
        sub eax, hello
        show "strstr(hello, '') at %d", eax
        c2 strstr, hello, xyz
        show "strstr(hello, xyz) = %d", eax
        c2 strstr, aaab, aab
        sub eax, aaab
        show "strstr(aaab, aab) at %d", eax
        c2 strstr, ab, abc
        show "strstr(ab, abc) = %d", eax

        ; strspn, strcspn
        c2 strspn, digits_then, digit_set
        show "strspn = %d", eax
        c2 strcspn, digits_then, space_set
        show "strcspn = %d", eax
        c2 strspn, empty, digit_set
        show "strspn('') = %d", eax
        c2 strcspn, hello, empty
        show "strcspn(hello, '') = %d", eax

        ; strtok over ",; " with empty fields, leading and trailing delimiters
        str tokens, ",;a,,b c;;"
        c2 strtok, tokens, delims
.tok:   test eax, eax
        jz .tokdone
        show "token [%s]", eax
        c2 strtok, 0, delims
        jmp .tok
.tokdone:
        c2 strtok, 0, delims
        show "strtok after the end = %d", eax
        str only_delims, ",,;"
        c2 strtok, only_delims, delims
        show "strtok(only delimiters) = %d", eax
        ; strtok_r keeps two scans apart
        str outer, "a=1&b=2"
        c3 strtok_r, outer, amp, save1
        mov ebx, eax
.pairs: test ebx, ebx
        jz .pairsdone
        c3 strtok_r, ebx, equals, save2
        mov esi, eax
        c3 strtok_r, 0, equals, save2
        show2 "pair %s -> %s", esi, eax
        c3 strtok_r, 0, amp, save1
        mov ebx, eax
        jmp .pairs
.pairsdone:

        ; memcpy, memmove both ways, memset, memcmp, memchr
        c2 strcpy, buffer, alphabet
        c3 memmove, buffer+2, buffer, 10
        show "memmove up: [%s]", buffer
        c2 strcpy, buffer, alphabet
        c3 memmove, buffer, buffer+2, 10
        show "memmove down: [%s]", buffer
        c2 strcpy, buffer, alphabet
        c3 memmove, buffer, buffer, 5
        show "memmove onto itself: [%s]", buffer
        c3 memcpy, buffer, hello, 5
        sub eax, buffer
        show "memcpy returned buffer+%d", eax
        show "memcpy: [%s]", buffer
        c3 memcpy, buffer, alphabet, 0
        show "memcpy 0: [%s]", buffer
        c2 strcpy, buffer, alphabet
        c3 memcpy, buffer+1, hello, 7        ; 7: one dword and three bytes
        show "memcpy 7: [%s]", buffer
        c3 memset, buffer, '-', 3
        show "memset: [%s]", buffer
        c3 memcmp, abc, abd, 2
        signum
        show "memcmp(abc, abd, 2) %d", eax
        c3 memcmp, abc, abd, 3
        signum
        show "memcmp(abc, abd, 3) %d", eax
        c3 memcmp, high, abc, 1
        signum
        show "memcmp(\x80, a) %d", eax
        c3 memcmp, abc, xyz, 0
        show "memcmp(n = 0) %d", eax
        c3 memchr, hello, 'l', 5
        sub eax, hello
        show "memchr(l) at %d", eax
        c3 memchr, hello, 'o', 4
        show "memchr(o, 4) = %d", eax
        c3 memchr, hello, 0, 6
        sub eax, hello
        show "memchr(NUL, 6) at %d", eax

        ; chomp
        str line1, `one\n`
        c1 chomp, line1
        show2 "chomp -> %d [%s]", eax, line1
        c1 chomp, line1
        show2 "chomp again -> %d [%s]", eax, line1
        str line2, `\n`
        c1 chomp, line2
        show2 "chomp(newline) -> %d [%s]", eax, line2
        c1 chomp, empty
        show "chomp('') -> %d", eax

        ; split
        str command, `  ls   -l\t/tmp  \n`
        c3 split, command, words, 8
        call dump_words
        str blank, ` \t `
        c3 split, blank, words, 8
        call dump_words
        str many, "a b c d"
        c3 split, many, words, 3
        show2 "split(max 3) -> %d errno %d", eax, [errno]
        show2 "  kept %s %s", [words], [words+4]
        show "  then %d", [words+8]
        str exact, "a b"
        c3 split, exact, words, 3
        call dump_words

        ; ctype over every character: which ones each class takes
        mov esi, ctype_names
        mov edi, ctype_functions
.class: mov ebx, [edi]
        test ebx, ebx
        jz .classes_done
        push dword [esi]
        push class_format
        call printf
        add esp, 8
        xor ecx, ecx
.char:  push ecx
        push ecx
        call ebx
        add esp, 4
        pop ecx
        test eax, eax
        jz .not
        cmp eax, 1
        jne .bad
        push ecx
        push ecx
        call print_char
        add esp, 4
        pop ecx
.not:   inc ecx
        cmp ecx, 256
        jb .char
        c1 putchar, 10
        add esi, 4
        add edi, 4
        jmp .class
.bad:   show "not 0 or 1: %d", eax
.classes_done:
        c1 isdigit, -1
        show "isdigit(EOF) = %d", eax
        c1 toupper, 'a'
        show "toupper(a) = %c", eax
        c1 toupper, 'Z'
        show "toupper(Z) = %c", eax
        c1 toupper, '1'
        show "toupper(1) = %c", eax
        c1 tolower, 'Q'
        show "tolower(Q) = %c", eax
        c1 tolower, 'q'
        show "tolower(q) = %c", eax
        c1 tolower, '@'
        show "tolower(@) = %c", eax
        c1 toupper, -1
        show "toupper(EOF) = %d", eax
        xor eax, eax
        pop edi
        pop esi
        pop ebx
        ret

; sign(x) -> -1, 0 or 1
sign:
        mov eax, [esp+4]
        test eax, eax
        jz .done
        js .negative
        mov eax, 1
        ret
.negative:
        mov eax, -1
.done:  ret

; print_char(c): c itself when printable, else \xNN
print_char:
        mov eax, [esp+4]
        cmp eax, ' '
        jb .escaped
        cmp eax, '~'
        ja .escaped
        c1 putchar, [esp+4]
        ret
.escaped:
        push eax
        push escaped_format
        call printf
        add esp, 8
        ret

; dump_buffer: the first 6 bytes of buffer, NULs as '0'
dump_buffer:
        push ebx
        xor ebx, ebx
.loop:  movzx eax, byte [buffer+ebx]
        test eax, eax
        jnz .show
        mov eax, '0'
.show:  c1 putchar, eax
        inc ebx
        cmp ebx, 6
        jb .loop
        c1 putchar, 10
        pop ebx
        ret

; dump_words: eax words in words, each in brackets
dump_words:
        push ebx
        push esi
        mov esi, eax
        show "split -> %d:", eax
        xor ebx, ebx
.loop:  cmp ebx, esi
        jge .end
        push dword [words+ebx*4]
        push word_format
        call printf
        add esp, 8
        inc ebx
        jmp .loop
.end:   cmp dword [words+ebx*4], 0
        je .terminated
        say "  not terminated!"
.terminated:
        pop esi
        pop ebx
        ret

section .rodata
empty:          db 0
hello:          db "hello", 0
abc:            db "abc", 0
abd:            db "abd", 0
ab:             db "ab", 0
xyz:            db "xyz", 0
llo:            db "llo", 0
aaab:           db "aaab", 0
aab:            db "aab", 0
high:           db 0x80, 0
comma:          db ", ", 0
digits_then:    db "123abc 45", 0
digit_set:      db "0123456789", 0
space_set:      db " ", 0
delims:         db ",; ", 0
amp:            db "&", 0
equals:         db "=", 0
alphabet:       db "abcdefghijklmnop", 0
escaped_format: db "\x%02x", 0
word_format:    db "  [%s]", 10, 0
class_format:   db "%s: ", 0
n_digit:        db "isdigit", 0
n_alpha:        db "isalpha", 0
n_alnum:        db "isalnum", 0
n_upper:        db "isupper", 0
n_lower:        db "islower", 0
n_xdigit:       db "isxdigit", 0
n_space:        db "isspace", 0
n_print:        db "isprint", 0
n_punct:        db "ispunct", 0
ctype_names:    dd n_digit, n_alpha, n_alnum, n_upper, n_lower, n_xdigit, n_space, n_print, n_punct
ctype_functions: dd isdigit, isalpha, isalnum, isupper, islower, isxdigit, isspace, isprint, ispunct, 0

section .bss
buffer:         resb 64
words:          resd 8
save1:          resd 1
save2:          resd 1
