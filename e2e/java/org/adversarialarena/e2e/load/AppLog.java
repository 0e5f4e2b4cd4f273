package org.adversarialarena.e2e.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An app node's log from a given offset, cut into entries (a timestamped line and the stack trace
 * lines under it), to find what our code logged: a stack trace counts as ours when our logger wrote it
 * or when the exception's first frame is in our code. (Every request passes our servlet filters, so a
 * framework's own stack trace also holds frames of ours further down; those do not count.)
 */
final class AppLog {

    private static final Pattern ENTRY_START = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\S+\\s+(TRACE|DEBUG|INFO|WARN|ERROR) .*");
    private static final Pattern OUR_LOGGER = Pattern.compile(".* --- \\[[^]]*\\] \\[[^]]*\\] (o\\.a\\.|o\\.adversarialarena\\.|org\\.adversarialarena\\.)\\S*\\s*:.*");

    /** One log entry: its first line and the lines under it. */
    record Entry(String line, List<String> trace) {

        boolean ours() {
            return OUR_LOGGER.matcher(line).matches();
        }

        boolean hasStackTrace() {
            return trace.stream().anyMatch(row -> row.startsWith("\tat "));
        }

        /** The topmost frame of the first exception, if the entry has a stack trace. */
        String firstFrame() {
            return trace.stream().filter(row -> row.startsWith("\tat ")).findFirst().orElse("");
        }
    }

    static List<Entry> read(Path log, long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(offset, all.length);
        List<Entry> entries = new ArrayList<>();
        String line = null;
        List<String> trace = new ArrayList<>();
        for (String row : new String(all, from, all.length - from, StandardCharsets.UTF_8).lines().toList()) {
            if (ENTRY_START.matcher(row).matches()) {
                if (line != null) {
                    entries.add(new Entry(line, trace));
                }
                line = row;
                trace = new ArrayList<>();
            } else if (line != null) {
                trace.add(row);
            }
        }
        if (line != null) {
            entries.add(new Entry(line, trace));
        }
        return entries;
    }

    /** Stack traces our code logged, or whose exception was thrown in our code. */
    static List<Entry> ourStackTraces(List<Entry> entries) {
        return entries.stream().filter(Entry::hasStackTrace)
                .filter(entry -> entry.ours() || entry.firstFrame().startsWith("\tat org.adversarialarena.")).toList();
    }

    /** ERROR lines our loggers wrote. */
    static List<Entry> ourErrors(List<Entry> entries) {
        return entries.stream().filter(entry -> entry.ours() && entry.line().contains(" ERROR ")).toList();
    }

    private AppLog() {
    }
}
