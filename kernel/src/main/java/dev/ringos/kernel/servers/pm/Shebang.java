package dev.ringos.kernel.servers.pm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An interpreter script ({@code #!/bin/sh -e}), as Linux's binfmt_script reads one: the first
 * line, at most {@link #LINE_MAX} bytes, names the interpreter and one optional argument (the
 * rest of the line, trimmed); the script runs as {@code interpreter [argument] path argv[1]…}.
 */
record Shebang(String interpreter, String argument) {
    /** Linux's BINPRM_BUF_SIZE. */
    static final int LINE_MAX = 256;
    /** Linux's BINPRM_MAX_RECURSION: an interpreter may itself be a script this many times. */
    static final int MAX_DEPTH = 4;

    static boolean isScript(byte[] file) {
        return file.length >= 2 && file[0] == '#' && file[1] == '!';
    }

    /** The script's interpreter line, or null when there is none to run (ENOEXEC). */
    static Shebang parse(byte[] file) {
        int limit = Math.min(file.length, LINE_MAX);
        int end = 2;
        while (end < limit && file[end] != '\n') {
            end++;
        }
        String line = new String(file, 2, end - 2, StandardCharsets.ISO_8859_1);
        String rest = line.strip();
        int space = indexOfBlank(rest);
        String interpreter = space < 0 ? rest : rest.substring(0, space);
        boolean truncated = end == limit && limit < file.length;
        if (interpreter.isEmpty() || truncated && space < 0) {
            return null;
        }
        String argument = space < 0 ? null : rest.substring(space).strip();
        return new Shebang(interpreter, argument == null || argument.isEmpty() ? null : argument);
    }

    /** The interpreter's argv: itself, the argument if any, the script's path, then the script's argv[1]…. */
    List<String> argv(String scriptPath, List<String> scriptArgv) {
        List<String> argv = new ArrayList<>();
        argv.add(interpreter);
        if (argument != null) {
            argv.add(argument);
        }
        argv.add(scriptPath);
        if (scriptArgv.size() > 1) {
            argv.addAll(scriptArgv.subList(1, scriptArgv.size()));
        }
        return argv;
    }

    private static int indexOfBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }
}
