#!/usr/bin/env bash
# record.sh — run every linux-oracle program on this Linux host and record what it does.
#
#   record.sh            build, run and (re)write expected/NAME.out and expected/NAME.status
#   record.sh --check    build and run, compare with expected/, exit 1 listing differences
#
# Needs nasm and GNU ld (elf_i386); without them it says so and exits 0.
set -u

src="${BASH_SOURCE[0]}"; case "$src" in */*) dir="${src%/*}" ;; *) dir=. ;; esac
here="$(cd "$dir" && pwd)"
mode=record
case "${1:-}" in
    "") ;;
    --check) mode=check ;;
    *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

for tool in nasm ld; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "record.sh: '$tool' not found; nothing built or recorded (install nasm and binutils to re-record)."
        exit 0
    fi
done
if [ "$(uname -s)" != Linux ]; then
    echo "record.sh: Linux is the oracle, this is $(uname -s); nothing recorded."
    exit 0
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/linux-oracle.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Build everything first: some programs exec others.
names=()
for src in "$here"/*.asm; do
    name="$(basename "$src" .asm)"
    if ! nasm -f elf32 -I"$here"/ "$src" -o "$work/$name.o" ||
       ! ld -m elf_i386 -z noexecstack "$work/$name.o" -o "$work/$name"; then
        echo "record.sh: building $name failed" >&2
        exit 1
    fi
    rm -f "$work/$name.o"
    names+=("$name")
done

# Programs marked "; linux-oracle: needs root" (setuid, chown, access as root) only mean
# something when run by root. Anyone else skips them and leaves their recordings alone.
skipped=()
if [ "$(id -u)" != 0 ]; then
    kept=()
    for name in "${names[@]}"; do
        if grep -q '^; linux-oracle: needs root' "$here/$name.asm"; then
            skipped+=("$name")
        else
            kept+=("$name")
        fi
    done
    names=("${kept[@]}")
    if [ "${#skipped[@]}" -gt 0 ]; then
        echo "record.sh: not root, so these are not run: ${skipped[*]}"
    fi
fi

# Data files next to the binaries. The Java side creates the same ones.
printf 'this is not an ELF file\n' > "$work/not_an_elf"
chmod 0755 "$work/not_an_elf"

mkdir "$work/expected"
ulimit -c 0         # no core files (status bit 0x80 is masked by the programs anyway)
ulimit -s 8192      # a bounded stack, for the recursion program
umask 022           # the programs that print modes set their own umask too
runner=()
command -v timeout >/dev/null 2>&1 && runner=(timeout -k 5 30)

# Whoever runs this (a JVM, for one) may have signals blocked or ignored, and children inherit
# both; every program must start as from a login shell: nothing blocked, every action default.
clean=()
if py=$(command -v python3); then
    clean=("$py" -c 'import os, signal, sys
signal.pthread_sigmask(signal.SIG_SETMASK, [])
for s in range(1, signal.NSIG):
    try:
        signal.signal(s, signal.SIG_DFL)
    except (OSError, ValueError):
        pass
os.execve(sys.argv[1], sys.argv[1:], {})')
fi

# Nor may a program inherit any descriptor but 0, 1 and 2 (a shell or a JVM may leave some
# open): the fd programs print the numbers that open, dup and fcntl(F_DUPFD) return.
run_clean() {
    local fd
    for fd in /proc/$BASHPID/fd/*; do
        fd="${fd##*/}"
        if [ "$fd" -gt 2 ] 2>/dev/null; then
            eval "exec $fd>&-" 2>/dev/null
        fi
    done
    exec "${runner[@]}" env -i "${clean[@]}" "./$1"
}

cd "$work"
for name in "${names[@]}"; do
    { ( run_clean "$name" ) </dev/null >"expected/$name.out" 2>/dev/null; } 2>/dev/null
    st=$?
    if [ "$st" -ge 128 ]; then
        echo "signal $((st - 128))" > "expected/$name.status"
    else
        echo "exit $st" > "expected/$name.status"
    fi
done

if [ "$mode" = record ]; then
    mkdir -p "$here/expected"
    cp expected/* "$here/expected/"
    echo "record.sh: recorded ${#names[@]} programs in $here/expected"
    exit 0
fi

bad=0
for name in "${names[@]}"; do
    for kind in out status; do
        f="$name.$kind"
        if [ ! -f "$here/expected/$f" ]; then
            echo "missing: expected/$f"; bad=1
        elif ! cmp -s "expected/$f" "$here/expected/$f"; then
            echo "differs: expected/$f"
            diff "$here/expected/$f" "expected/$f" | sed 's/^/    /' | head -20
            bad=1
        fi
    done
done
if [ "$bad" -ne 0 ]; then
    echo "record.sh --check: differences found"
    exit 1
fi
echo "record.sh --check: all ${#names[@]} programs match"
