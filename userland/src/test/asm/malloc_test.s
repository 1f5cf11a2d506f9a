; malloc.inc: alignment, contents kept under churn, coalescing (a big block reuses the freed
; space without moving the break), realloc in place and moved, calloc, failures.
%include "lib.inc"
%include "check.inc"

COUNT   equ 1000

main:
        push ebx
        push esi
        push edi
        c1 sbrk, 0
        mov [brk0], eax

        ; --- 1000 blocks of sizes 1..200, each filled with its own byte ---
        xor ebx, ebx
.alloc: call size_of
        c1 malloc, eax
        test eax, eax
        jz .oom
        mov [blocks+ebx*4], eax
        test eax, 7
        jz .aligned
        inc dword [errors]
.aligned:
        mov edi, eax
        call size_of
        mov ecx, eax
        mov eax, ebx
        cld
        rep stosb
        call size_of
        add [total], eax
        inc ebx
        cmp ebx, COUNT
        jb .alloc
        ; every block still holds its byte
        xor ebx, ebx
.check: call check_block
        inc ebx
        cmp ebx, COUNT
        jb .check
        show "errors after allocating: %d", [errors]
        c1 sbrk, 0
        sub eax, [brk0]
        mov [grown], eax
        ; the heap holds the blocks with little waste: at most 8 bytes of tags and 7 of
        ; rounding each, a page of slack
        mov ecx, [total]
        add ecx, COUNT*16 + 4096 + 16
        cmp eax, ecx
        jbe .tight
        show "heap grew too much: %d", eax
        jmp .scramble
.tight: say "the heap grew within the bound"
.scramble:
        ; --- free them in a scrambled order (i * 7919 mod 1000 visits every block) ---
        xor esi, esi
.free:  mov eax, esi
        imul eax, eax, 7919
        xor edx, edx
        mov ecx, COUNT
        div ecx
        mov ebx, edx
        call check_block
        c1 free, [blocks+ebx*4]
        inc esi
        cmp esi, COUNT
        jb .free
        show "errors after freeing: %d", [errors]

        ; --- everything is one free block again: a block of nearly all of it fits without
        ; growing the heap, at the heap's start ---
        c1 sbrk, 0
        mov ebx, eax
        mov eax, [grown]
        sub eax, 64
        c1 malloc, eax
        mov esi, eax
        c1 sbrk, 0
        sub eax, ebx
        show "the break moved by %d for the big block", eax
        mov eax, esi
        sub eax, [blocks]
        show "the big block starts %d bytes after the first block did", eax
        c1 free, esi

        ; --- malloc(0), usable sizes, free(0) ---
        c1 malloc, 0
        mov esi, eax
        test eax, eax
        c1 malloc_usable_size, esi
        show "malloc(0): usable %d", eax
        c1 free, esi
        c1 malloc, 13
        mov esi, eax
        c1 malloc_usable_size, esi
        show "malloc(13): usable %d", eax
        c1 free, esi
        c1 free, 0
        c1 malloc_usable_size, 0
        show "malloc_usable_size(0) = %d", eax

        ; --- realloc: grows in place into a free neighbour, shrinks in place, moves when
        ; it must, and keeps the contents ---
        c1 malloc, 24
        mov esi, eax                ; A
        c1 malloc, 100
        mov edi, eax                ; B, just after A
        c1 malloc, 24
        mov ebx, eax                ; C, a wall after B
        c2 strcpy, esi, text
        c1 free, edi                ; the hole after A
        c2 realloc, esi, 90
        cmp eax, esi
        je .inplace
        say "realloc(90): moved"
        jmp .grown
.inplace:
        say "realloc(90): in place"
.grown: mov esi, eax
        show "  holds [%s]", esi
        c2 realloc, esi, 8
        cmp eax, esi
        je .shrunk
        say "realloc(8): moved"
.shrunk:
        c1 malloc_usable_size, esi
        show "realloc(8): in place, usable %d", eax
        c2 realloc, esi, 500
        cmp eax, esi
        jne .moved
        say "realloc(500): in place"
.moved: mov esi, eax
        mov byte [esi+7], 0
        show "realloc(500): moved, holds [%s]", esi
        c2 realloc, 0, 32
        mov edi, eax
        c1 malloc_usable_size, edi
        show "realloc(0, 32): usable %d", eax
        c2 realloc, edi, 0
        show "realloc(p, 0) = %d", eax
        c1 free, esi
        c1 free, ebx

        ; --- calloc ---
        c1 malloc, 64
        mov esi, eax
        c3 memset, esi, 0xAB, 64
        c1 free, esi
        c2 calloc, 16, 4
        mov esi, eax
        xor ecx, ecx
        xor edx, edx
.sum:   movzx eax, byte [esi+ecx]
        add edx, eax
        inc ecx
        cmp ecx, 64
        jb .sum
        show "calloc(16, 4): byte sum %d", edx
        c1 free, esi
        mov dword [errno], 0
        c2 calloc, 0x10000, 0x10001
        show2 "calloc overflowing = %d errno %d", eax, [errno]

        ; --- failures leave the heap usable ---
        mov dword [errno], 0
        c1 malloc, 0x7FFFFFFF
        show2 "malloc(2 GiB) = %d errno %d", eax, [errno]
        mov dword [errno], 0
        c1 malloc, 0xC0000000
        show2 "malloc(3 GiB) = %d errno %d", eax, [errno]
        c1 malloc, 40
        test eax, eax
        jz .broken
        say "malloc still works"
.broken:
        xor eax, eax
        pop edi
        pop esi
        pop ebx
        ret
.oom:   show "out of memory at block %d", ebx
        mov eax, 1
        pop edi
        pop esi
        pop ebx
        ret

; size_of: eax = the size of block ebx, 1..200
size_of:
        mov eax, ebx
        imul eax, eax, 37
        xor edx, edx
        mov ecx, 200
        div ecx
        lea eax, [edx+1]
        ret

; check_block: counts an error unless block ebx holds its byte throughout
check_block:
        push esi
        mov esi, [blocks+ebx*4]
        call size_of
        mov ecx, eax
.loop:  cmp byte [esi+ecx-1], bl
        je .ok
        inc dword [errors]
.ok:    dec ecx
        jnz .loop
        pop esi
        ret

section .rodata
text:   db "contents", 0

section .bss
blocks: resd COUNT
brk0:   resd 1
grown:  resd 1
total:  resd 1
errors: resd 1
