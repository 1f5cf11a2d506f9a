; Instructions, addressing forms, branches near and far, expressions and data, all in
; .text, assembled by both NASM (nasm -f bin, org 0x08049000) and ringos: the bytes must agree.
bits 32
start:
    mov eax, [ebx+ecx*4+8]
    mov byte [edi], 0
    mov [esi-4], eax
    mov eax, [data+4]
    mov [data], al
    mov al, [data]
    mov edx, [esp]
    mov edx, [ebp]
    mov edx, [esp+ebx]
    mov edx, [ebx+esp]
    mov edx, [eax*4]
    mov edx, [eax*3]
    lea esi, [ebx+ecx*8-300]
    add eax, 5
    add eax, 500
    add ebx, 500
    add ebx, -1
    add byte [eax], 3
    add word [eax], 300
    add dword [eax], 0xFFFFFFFF
    sub ecx, edx
    cmp al, 'a'
    test eax, eax
    test byte [ebx], 1
    imul eax, ebx, 10
    imul eax, [ebx]
    imul ecx
    shl eax, 1
    shl eax, 4
    sar dword [ebx], cl
    ror ax, 3
    inc eax
    inc word [ebx]
    dec bl
    push 5
    push 1000
    push dword [ebx]
    push esi
    pop edi
    movzx eax, byte [esi]
    movsx eax, word [esi]
    xchg eax, ecx
    xchg [ebx], dl
    cmpxchg [ebx], ecx
    mov cr0, eax
    mov eax, cr3
    in al, 0x60
    out dx, al
    in eax, dx
    out 0x80, eax
    rep movsb
    rep stosd
    movsd
    cdq
    cwde
    lidt [idtr]
    invlpg [eax]
    ret
    ret 8
    call start
    call eax
    call [ebx+4]
    jmp eax
    jmp [ebx]
    jz start
    jnz fwd
    jmp short loop1b
loop1b:
    loop1: dec ecx
    jne loop1
    times 200 nop
fwd:
    jmp near fwd
    jmp start
    int3
    int 0x80
    hlt
    mov eax, $
    mov eax, $$
    mov eax, 1 << 4 | 3
    mov eax, (10 - 3) * 2 % 5
    mov eax, ~0
    mov eax, -1
    mov eax, 1Fh
    mov eax, 0b101
    mov eax, 0x1F
    mov eax, 'ab'
    mov eax, 100 / 7
    mov eax, 0xF0 ^ 0xFF & 0x3C
    mov eax, 256 >> 2
    mov [moff], eax
    mov ax, [moff]
    sidt [idtr]
    smsw eax
    str eax
    rdtsc
    mov eax, cs
    not byte [eax]
    neg eax
    div ecx
    idiv byte [ebx]
    mul word [ebx]
    leave
    pushfd
    popfd
    iretd
    clc
    cld
    std
    stc
    cmc
    cli
    sti
    ud2
    cpuid
    syscall
    sysret
    rdmsr
    wrmsr
    nop
data: dd 1, 2, 3
    dw 0x1234, -1
    db 'abc', 0, `\n\t\\\0\x41`
    dd 'ab'
    dw 'abc'
    align 8
    times 3 db 0xAA
idtr: dw 0
moff: dd 0
    jmp a127
    times 127 nop
a127:
    jmp a128
    times 128 nop
a128:
    jnz a127
