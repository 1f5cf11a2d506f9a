package dev.ringos.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.kernel.core.RunResult;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * IPC ports (docs/ipc.md) as user programs see them: port_create, ipc_call, ipc_recv and
 * ipc_reply from ring 3, servers and clients as processes made by fork.
 */
class IpcPortsTest {
    /**
     * What every program here shares: syscall numbers, {@code report "label", value} (prints
     * "label value" with the value as a signed decimal), {@code report_text "label", address,
     * length} (prints "label " and the bytes), {@code wait_child} (EBX a pid; EAX its exit code,
     * or 128 + the signal that ended it) and {@code yield_times} (ECX times sched_yield).
     * Every routine keeps the registers it does not return in.
     */
    static final String LIB = """
            SYS_EXIT        equ 1
            SYS_FORK        equ 2
            SYS_WRITE       equ 4
            SYS_WAITPID     equ 7
            SYS_GETPID      equ 20
            SYS_KILL        equ 37
            SYS_SIGNAL      equ 48
            SYS_GETPPID     equ 64
            SYS_SCHED_YIELD equ 158
            PORT_CREATE     equ 0x1000
            IPC_CALL        equ 0x1001
            IPC_RECV        equ 0x1002
            IPC_REPLY       equ 0x1003
            SIGUSR1         equ 10

            %macro report 2
            section .rodata
            %%label: db %1, 0
            section .text
                    push eax
                    push esi
                    mov eax, %2
                    mov esi, %%label
                    call show
                    pop esi
                    pop eax
            %endmacro

            %macro report_text 3
            section .rodata
            %%label: db %1, 0
            section .text
                    push ecx
                    push edx
                    push esi
                    mov edx, %3
                    mov ecx, %2
                    mov esi, %%label
                    call show_text
                    pop esi
                    pop edx
                    pop ecx
            %endmacro

            section .text
            ; ESI a NUL-terminated label, EAX a value: writes "label value\\n" in one write.
            show:
                    push eax
                    push ebx
                    push ecx
                    push edx
                    push edi
                    call lib_label
                    test eax, eax
                    jns .digits
                    mov byte [edi], '-'
                    inc edi
                    neg eax
            .digits:
                    mov ebx, 10
                    xor ecx, ecx
            .divide:
                    xor edx, edx
                    div ebx
                    add edx, '0'
                    push edx
                    inc ecx
                    test eax, eax
                    jnz .divide
            .emit:
                    pop edx
                    mov [edi], dl
                    inc edi
                    dec ecx
                    jnz .emit
                    call lib_flush
                    pop edi
                    pop edx
                    pop ecx
                    pop ebx
                    pop eax
                    ret

            ; ESI a NUL-terminated label, ECX an address, EDX a length: writes "label bytes\\n".
            show_text:
                    push eax
                    push ebx
                    push ecx
                    push edx
                    push edi
                    call lib_label
            .copy:
                    test edx, edx
                    jz .done
                    mov al, [ecx]
                    mov [edi], al
                    inc ecx
                    inc edi
                    dec edx
                    jmp .copy
            .done:
                    call lib_flush
                    pop edi
                    pop edx
                    pop ecx
                    pop ebx
                    pop eax
                    ret

            ; Copies the label at ESI and a space to lib_line; EDI points after them.
            lib_label:
                    push eax
                    push esi
                    mov edi, lib_line
            .copy:
                    mov al, [esi]
                    test al, al
                    jz .space
                    mov [edi], al
                    inc esi
                    inc edi
                    jmp .copy
            .space:
                    mov byte [edi], ' '
                    inc edi
                    pop esi
                    pop eax
                    ret

            ; Ends the line at EDI and writes lib_line to stdout.
            lib_flush:
                    mov byte [edi], 10
                    inc edi
                    mov eax, SYS_WRITE
                    mov ebx, 1
                    mov ecx, lib_line
                    mov edx, edi
                    sub edx, ecx
                    int 0x80
                    ret

            wait_child:
                    push ebx
                    push ecx
                    push edx
                    mov eax, SYS_WAITPID
                    mov ecx, lib_status
                    xor edx, edx
                    int 0x80
                    mov eax, [lib_status]
                    mov ecx, eax
                    and ecx, 0x7f
                    jz .exited
                    lea eax, [ecx+128]
                    jmp .done
            .exited:
                    shr eax, 8
                    and eax, 0xff
            .done:
                    pop edx
                    pop ecx
                    pop ebx
                    ret

            yield_times:
                    push eax
                    push ecx
            .again:
                    mov eax, SYS_SCHED_YIELD
                    int 0x80
                    dec ecx
                    jnz .again
                    pop ecx
                    pop eax
                    ret

            section .bss
            lib_line: resb 4200
            lib_status: resd 1

            """;

    private static GuestRun.Result run(String program) {
        GuestRun.Result r = new GuestRun().program("/bin/ipc", LIB + program).run("/bin/ipc");
        assertThat(r.end()).as(r.out() + r.err()).isEqualTo(RunResult.SHUTDOWN);
        return r;
    }

    private static List<String> lines(String out) {
        return Arrays.asList(out.split("\n"));
    }

    private static long count(String out, String line) {
        return lines(out).stream().filter(line::equals).count();
    }

    static final String ROUND_TRIP = """
            section .text
            global _start
            _start:
                    mov eax, PORT_CREATE
                    int 0x80
                    mov [port], eax
                    report "port", eax
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz client
                    mov [child], eax

                    mov eax, IPC_RECV
                    mov ebx, [port]
                    mov ecx, inbox
                    mov edx, 64
                    mov esi, sender
                    int 0x80
                    report "server received", eax
                    report_text "server message", inbox, eax
                    mov eax, [sender]
                    sub eax, [child]
                    report "sender minus child", eax

                    mov eax, IPC_REPLY
                    mov ebx, [port]
                    mov ecx, answer
                    mov edx, answer_len
                    int 0x80
                    report "server replied", eax
                    mov ebx, [child]
                    call wait_child
                    report "client exit", eax
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80

            client:
                    mov eax, IPC_CALL
                    mov ebx, [port]
                    mov ecx, question
                    mov edx, question_len
                    mov esi, inbox
                    mov edi, 64
                    int 0x80
                    report "client got", eax
                    report_text "client reply", inbox, eax
                    mov eax, SYS_EXIT
                    mov ebx, 7
                    int 0x80

            section .data
            question: db "ping from the client"
            question_len equ $ - question
            answer: db "pong from the server, a little longer"
            answer_len equ $ - answer

            section .bss
            port: resd 1
            child: resd 1
            sender: resd 1
            inbox: resb 64
            """;

    @Test
    void roundTripCarriesDataBothWays() {
        GuestRun.Result r = run(ROUND_TRIP);
        assertThat(r.status()).isZero();
        assertThat(lines(r.out())).containsSubsequence(
                "port 1",
                "server received 20",
                "server message ping from the client",
                "sender minus child 0",
                "server replied 0",
                "client exit 7");
        assertThat(lines(r.out())).containsSubsequence(
                "client got 37",
                "client reply pong from the server, a little longer");
    }

    /**
     * Three clients call one port; each says just before its call that it is sending. The server
     * first lets them all run (so every call is queued), then receives: it must get the calls in
     * the order they were sent. Clients are made to send in the reverse of the order they were
     * forked, so arrival order is not fork order.
     */
    static final String FIFO = """
            section .text
            global _start
            _start:
                    mov eax, PORT_CREATE
                    int 0x80
                    mov [port], eax
                    mov ebp, 3                  ; forks clients 3, 2, 1: client k yields 2k times first
            .fork:
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz client
                    mov [pids+ebp*4], eax
                    dec ebp
                    jnz .fork

                    mov ecx, 30
                    call yield_times
                    mov ebp, 3
            .serve:
                    mov eax, IPC_RECV
                    mov ebx, [port]
                    mov ecx, inbox
                    mov edx, 64
                    mov esi, sender
                    int 0x80
                    report_text "received", inbox, eax
                    mov eax, IPC_REPLY
                    mov ebx, [port]
                    mov ecx, inbox
                    mov edx, 1
                    int 0x80
                    dec ebp
                    jnz .serve
                    mov ebp, 3
            .reap:
                    mov ebx, [pids+ebp*4]
                    call wait_child
                    dec ebp
                    jnz .reap
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80

            client:                             ; EBP: which client, 1..3
                    mov ecx, ebp
                    add ecx, ecx
                    call yield_times
                    mov eax, ebp
                    add eax, '0'
                    mov [message+7], al
                    report_text "sending", message, message_len
                    mov eax, IPC_CALL
                    mov ebx, [port]
                    mov ecx, message
                    mov edx, message_len
                    mov esi, inbox
                    mov edi, 64
                    int 0x80
                    report "client call", eax
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80

            section .data
            message: db "client ?"
            message_len equ $ - message

            section .bss
            port: resd 1
            sender: resd 1
            pids: resd 4
            inbox: resb 64
            """;

    @Test
    void callsAreReceivedInTheOrderTheyArrived() {
        GuestRun.Result r = run(FIFO);
        assertThat(r.status()).isZero();
        List<String> all = lines(r.out());
        List<String> sent = all.stream().filter(l -> l.startsWith("sending ")).map(l -> l.substring(8)).toList();
        List<String> received = all.stream().filter(l -> l.startsWith("received ")).map(l -> l.substring(9)).toList();
        assertThat(sent).containsExactly("client 1", "client 2", "client 3");
        assertThat(received).isEqualTo(sent);
        // Every call was queued before the first receive.
        assertThat(all.indexOf("received client 1")).isGreaterThan(all.lastIndexOf("sending client 3"));
        assertThat(count(r.out(), "client call 1")).isEqualTo(3);
    }

    static final String ERRORS = """
            KERNEL equ 0xC0001000
            section .text
            global _start
            _start:
                    mov eax, PORT_CREATE
                    int 0x80
                    mov [port], eax

                    mov eax, IPC_CALL
                    mov ebx, 12345
                    mov ecx, message
                    mov edx, 4
                    mov esi, inbox
                    mov edi, 64
                    int 0x80
                    report "call unknown port", eax
                    mov eax, IPC_CALL
                    mov ebx, -1
                    int 0x80
                    report "call port -1", eax
                    mov eax, IPC_RECV
                    mov ebx, 12345
                    mov ecx, inbox
                    mov edx, 64
                    xor esi, esi
                    int 0x80
                    report "recv unknown port", eax
                    mov eax, IPC_REPLY
                    mov ebx, 12345
                    mov ecx, message
                    mov edx, 4
                    int 0x80
                    report "reply unknown port", eax

                    mov eax, IPC_CALL
                    mov ebx, [port]
                    mov ecx, message
                    mov edx, 4
                    mov esi, inbox
                    mov edi, 64
                    int 0x80
                    report "call own port", eax
                    mov eax, IPC_CALL
                    mov ebx, [port]
                    mov edx, 4097
                    int 0x80
                    report "call 4097 bytes", eax
                    mov eax, IPC_CALL
                    mov edx, -1
                    int 0x80
                    report "call -1 bytes", eax

                    mov eax, IPC_REPLY
                    mov ebx, [port]
                    mov ecx, message
                    mov edx, 4
                    int 0x80
                    report "reply with no call", eax
                    mov eax, IPC_REPLY
                    mov edx, 4097
                    int 0x80
                    report "reply 4097 bytes", eax

                    mov eax, IPC_RECV
                    mov ebx, [port]
                    mov ecx, 0x10
                    mov edx, 64
                    xor esi, esi
                    int 0x80
                    report "recv into unmapped", eax
                    mov eax, IPC_RECV
                    mov ecx, _start
                    int 0x80
                    report "recv into text", eax
                    mov eax, IPC_RECV
                    mov ecx, inbox
                    mov esi, KERNEL
                    int 0x80
                    report "recv sender in kernel", eax

                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz child
                    mov [pid], eax

                    ; The child's call is 100 bytes: too big for 10, then received whole.
                    mov eax, IPC_RECV
                    mov ebx, [port]
                    mov ecx, inbox
                    mov edx, 10
                    xor esi, esi
                    int 0x80
                    report "recv 100 into 10", eax
                    mov eax, IPC_RECV
                    mov edx, 200
                    int 0x80
                    report "recv 100 into 200", eax
                    mov eax, IPC_RECV
                    int 0x80
                    report "recv while holding a call", eax
                    mov eax, IPC_REPLY
                    mov ebx, [port]
                    mov ecx, 0x10
                    mov edx, 4
                    int 0x80
                    report "reply from unmapped", eax
                    mov eax, IPC_REPLY
                    mov ecx, answer
                    mov edx, answer_len
                    int 0x80
                    report "reply", eax
                    mov eax, IPC_REPLY
                    int 0x80
                    report "reply again", eax
                    mov ebx, [pid]
                    call wait_child
                    report "child exit", eax

                    xor ebp, ebp
            .more:
                    mov eax, PORT_CREATE
                    int 0x80
                    test eax, eax
                    js .full
                    inc ebp
                    jmp .more
            .full:
                    report "more ports", ebp
                    report "then", eax
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80

            child:
                    mov eax, IPC_RECV
                    mov ebx, [port]
                    mov ecx, inbox
                    mov edx, 64
                    xor esi, esi
                    int 0x80
                    report "child recv", eax
                    mov eax, IPC_REPLY
                    mov ebx, [port]
                    mov ecx, message
                    mov edx, 4
                    int 0x80
                    report "child reply", eax

                    mov eax, IPC_CALL
                    mov ebx, [port]
                    mov ecx, 0x10
                    mov edx, 4
                    mov esi, inbox
                    mov edi, 64
                    int 0x80
                    report "call from unmapped", eax
                    mov eax, IPC_CALL
                    mov ecx, message
                    mov esi, KERNEL
                    int 0x80
                    report "call reply into kernel", eax
                    mov eax, IPC_CALL
                    mov esi, _start
                    int 0x80
                    report "call reply into text", eax

                    mov eax, IPC_CALL
                    mov ebx, [port]
                    mov ecx, big
                    mov edx, 100
                    mov esi, small
                    mov edi, 4
                    int 0x80
                    report "call with a 4-byte reply buffer", eax
                    report_text "reply buffer", small, 8
                    mov eax, SYS_EXIT
                    mov ebx, 5
                    int 0x80

            section .data
            message: db "ping"
            answer: db "HELLO, CLIENT"
            answer_len equ $ - answer
            small: db "........"
            big: times 100 db 'b'

            section .bss
            port: resd 1
            pid: resd 1
            inbox: resb 256
            """;

    @Test
    void errorsAreLinuxErrnos() {
        GuestRun.Result r = run(ERRORS);
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("""
                call unknown port -9
                call port -1 -9
                recv unknown port -9
                reply unknown port -9
                call own port -35
                call 4097 bytes -90
                call -1 bytes -90
                reply with no call -2
                reply 4097 bytes -90
                recv into unmapped -14
                recv into text -14
                recv sender in kernel -14
                child recv -1
                child reply -1
                call from unmapped -14
                call reply into kernel -14
                call reply into text -14
                recv 100 into 10 -90
                recv 100 into 200 100
                recv while holding a call -16
                reply from unmapped -14
                reply 0
                reply again -2
                call with a 4-byte reply buffer 13
                reply buffer HELL....
                child exit 5
                more ports 255
                then -24
                """);
    }

    /**
     * A server (a child) publishes its port to the parent through the parent's port, takes one
     * call, lets a second queue, and exits without replying: both callers get EPIPE, the port is
     * gone (EBADF), and a new port gets a new id.
     */
    static final String OWNER_EXITS = """
            section .text
            global _start
            _start:
                    mov eax, PORT_CREATE
                    int 0x80
                    mov [directory], eax
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz server
                    mov [server_pid], eax

                    mov eax, IPC_RECV
                    mov ebx, [directory]
                    mov ecx, port
                    mov edx, 4
                    xor esi, esi
                    int 0x80
                    report "directory got", eax
                    mov eax, IPC_REPLY
                    mov ebx, [directory]
                    xor ecx, ecx
                    xor edx, edx
                    int 0x80

                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz client
                    mov [client1], eax
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz client
                    mov [client2], eax

                    mov ebx, [server_pid]
                    call wait_child
                    report "server exit", eax
                    mov ebx, [client1]
                    call wait_child
                    mov ebx, [client2]
                    call wait_child

                    mov eax, IPC_CALL
                    mov ebx, [port]
                    mov ecx, question
                    mov edx, 4
                    mov esi, inbox
                    mov edi, 64
                    int 0x80
                    report "call after the owner exited", eax
                    mov eax, PORT_CREATE
                    int 0x80
                    sub eax, [port]
                    report "new id minus old id", eax
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80

            server:
                    mov eax, PORT_CREATE
                    int 0x80
                    mov [port], eax
                    mov eax, IPC_CALL
                    mov ebx, [directory]
                    mov ecx, port
                    mov edx, 4
                    xor esi, esi
                    xor edi, edi
                    int 0x80
                    report "published", eax
                    mov eax, IPC_RECV
                    mov ebx, [port]
                    mov ecx, inbox
                    mov edx, 64
                    xor esi, esi
                    int 0x80
                    report "server took a call", eax
                    mov ecx, 20
                    call yield_times
                    mov eax, SYS_EXIT
                    mov ebx, 3
                    int 0x80

            client:
                    mov eax, IPC_CALL
                    mov ebx, [port]
                    mov ecx, question
                    mov edx, 4
                    mov esi, inbox
                    mov edi, 64
                    int 0x80
                    report "client call", eax
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80

            section .data
            question: db "help"

            section .bss
            directory: resd 1
            port: resd 1
            server_pid: resd 1
            client1: resd 1
            client2: resd 1
            inbox: resb 64
            """;

    @Test
    void callersGetEpipeWhenTheOwnerExits() {
        GuestRun.Result r = run(OWNER_EXITS);
        assertThat(r.status()).isZero();
        assertThat(lines(r.out())).containsSubsequence(
                "directory got 4", "server took a call 4", "server exit 3", "call after the owner exited -9",
                "new id minus old id 1");
        assertThat(lines(r.out())).contains("published 0");
        assertThat(count(r.out(), "client call -32")).isEqualTo(2);
    }

    /**
     * A signal ends a wait in ipc_recv and in ipc_call with EINTR, whether the call was still
     * queued or already received; the owner's late reply is dropped (0), a later receive skips
     * the abandoned call, and the port goes on working.
     */
    static final String SIGNALS = """
            section .text
            global _start
            _start:
                    mov eax, SYS_SIGNAL
                    mov ebx, SIGUSR1
                    mov ecx, handler
                    int 0x80
                    mov eax, PORT_CREATE
                    int 0x80
                    mov [port], eax
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz killer
                    mov [a], eax
                    mov eax, IPC_RECV
                    mov ebx, [port]
                    mov ecx, inbox
                    mov edx, 64
                    xor esi, esi
                    int 0x80
                    report "recv interrupted", eax
                    report "handler ran", [handled]
                    mov ebx, [a]
                    call wait_child

                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz client
                    mov [a], eax
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz client
                    mov [b], eax
                    mov eax, IPC_RECV
                    mov ebx, [port]
                    mov ecx, inbox
                    mov edx, 64
                    mov esi, sender
                    int 0x80
                    report "received", eax
                    mov eax, [a]
                    cmp eax, [sender]
                    jne .other
                    mov eax, [b]
            .other:
                    mov [queued], eax
                    mov ecx, 10
                    call yield_times            ; the other client's call queues
                    mov eax, SYS_KILL
                    mov ebx, [queued]
                    mov ecx, SIGUSR1
                    int 0x80
                    mov eax, SYS_KILL
                    mov ebx, [sender]
                    mov ecx, SIGUSR1
                    int 0x80
                    mov ebx, [a]
                    call wait_child
                    report "client exit", eax
                    mov ebx, [b]
                    call wait_child
                    report "client exit", eax
                    mov eax, IPC_REPLY
                    mov ebx, [port]
                    mov ecx, answer
                    mov edx, 5
                    int 0x80
                    report "late reply", eax

                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz client
                    mov [a], eax
                    mov eax, IPC_RECV
                    mov ebx, [port]
                    mov ecx, inbox
                    mov edx, 64
                    mov esi, sender
                    int 0x80
                    report "received again", eax
                    mov eax, [sender]
                    sub eax, [a]
                    report "sender minus new client", eax
                    mov eax, IPC_REPLY
                    mov ebx, [port]
                    mov ecx, answer
                    mov edx, 5
                    int 0x80
                    mov ebx, [a]
                    call wait_child
                    report "client exit", eax
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80

            handler:
                    mov dword [handled], 1
                    ret

            killer:
                    mov ecx, 5
                    call yield_times
                    mov eax, SYS_GETPPID
                    int 0x80
                    mov ebx, eax
                    mov eax, SYS_KILL
                    mov ecx, SIGUSR1
                    int 0x80
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80

            client:
                    mov dword [handled], 0
                    mov eax, SYS_SIGNAL
                    mov ebx, SIGUSR1
                    mov ecx, handler
                    int 0x80
                    mov eax, IPC_CALL
                    mov ebx, [port]
                    mov ecx, question
                    mov edx, 1
                    mov esi, inbox
                    mov edi, 64
                    int 0x80
                    report "client call", eax
                    report "client handler ran", [handled]
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80

            section .data
            question: db "?"
            answer: db "sure!"

            section .bss
            port: resd 1
            a: resd 1
            b: resd 1
            queued: resd 1
            sender: resd 1
            handled: resd 1
            inbox: resb 64
            """;

    @Test
    void aSignalInterruptsWaitsWithEintr() {
        GuestRun.Result r = run(SIGNALS);
        assertThat(r.status()).isZero();
        String out = r.out();
        assertThat(lines(out)).containsSubsequence("recv interrupted -4", "handler ran 1", "received 1",
                "client exit 0", "client exit 0", "late reply 0", "received again 1", "sender minus new client 0",
                "client exit 0");
        assertThat(count(out, "client call -4")).isEqualTo(2);
        assertThat(count(out, "client handler ran 1")).isEqualTo(2);
        assertThat(count(out, "client call 5")).isEqualTo(1);
        assertThat(count(out, "client handler ran 0")).isEqualTo(1);
    }

    /**
     * Ping-pong: the client sends a counter, the server answers with it plus one, ROUNDS times;
     * an empty message ends the server. The program for timing a round trip (call, receive,
     * reply, two context switches); it enters the kernel with {@code syscall}, as benchmarks do.
     */
    static String pingPong(int rounds) {
        return "ROUNDS equ " + rounds + "\n" + """
                section .text
                global _start
                _start:
                        mov eax, PORT_CREATE
                        syscall
                        mov [port], eax
                        mov eax, SYS_FORK
                        syscall
                        test eax, eax
                        jz client
                        mov [child], eax
                        xor ebp, ebp                ; calls served
                .serve:
                        mov eax, IPC_RECV
                        mov ebx, [port]
                        mov ecx, value
                        mov edx, 4
                        xor esi, esi
                        syscall
                        test eax, eax
                        jz .stop                    ; an empty message: the last one
                        inc ebp
                        inc dword [value]
                        mov eax, IPC_REPLY
                        mov ebx, [port]
                        mov ecx, value
                        mov edx, 4
                        syscall
                        jmp .serve
                .stop:
                        mov eax, IPC_REPLY
                        mov ebx, [port]
                        xor ecx, ecx
                        xor edx, edx
                        syscall
                        report "served", ebp
                        mov ebx, [child]
                        call wait_child
                        mov ebx, eax
                        mov eax, SYS_EXIT
                        syscall

                client:
                        mov dword [value], 0
                        mov ebp, ROUNDS
                .ping:
                        mov eax, IPC_CALL
                        mov ebx, [port]
                        mov ecx, value
                        mov edx, 4
                        mov esi, value
                        mov edi, 4
                        syscall
                        cmp eax, 4
                        jne .broken
                        dec ebp
                        jnz .ping
                        mov eax, IPC_CALL
                        mov ebx, [port]
                        xor ecx, ecx
                        xor edx, edx
                        xor esi, esi
                        xor edi, edi
                        syscall
                        report "final value", [value]
                        mov eax, SYS_EXIT
                        xor ebx, ebx
                        syscall
                .broken:
                        report "call failed", eax
                        mov eax, SYS_EXIT
                        mov ebx, 1
                        syscall

                section .bss
                port: resd 1
                child: resd 1
                value: resd 1
                """;
    }

    @Test
    void manyRoundTrips() {
        GuestRun.Result r = run(pingPong(5000));
        assertThat(r.out()).isEqualTo("served 5000\nfinal value 5000\n");
        assertThat(r.status()).isZero();
    }
}
