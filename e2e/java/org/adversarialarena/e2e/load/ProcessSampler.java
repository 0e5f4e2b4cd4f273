package org.adversarialarena.e2e.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Samples a process's resident memory and CPU time from {@code /proc} (Linux) on a daemon thread:
 * the app's RSS over a run, which ND4J's native buffers (freed only by GC) would make grow without bound.
 */
final class ProcessSampler implements AutoCloseable {

    /** One sample: seconds since the start, resident MiB, CPU seconds used so far. */
    record Sample(long second, long rssMib, double cpuSeconds) {
    }

    private static final double CLOCK_TICKS = 100.0;

    private final long pid;
    private final long startNanos = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;

    ProcessSampler(long pid, Duration every) {
        this.pid = pid;
        this.thread = Thread.ofPlatform().daemon().name("sample-" + pid).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sample();
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    synchronized void sample() {
        OptionalLong rss = rssKib(pid);
        if (rss.isPresent()) {
            samples.add(new Sample((System.nanoTime() - startNanos) / 1_000_000_000L, rss.getAsLong() / 1024,
                    cpuSeconds(pid)));
        }
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    static OptionalLong rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended (or this is not Linux)
        }
        return OptionalLong.empty();
    }

    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
        } catch (IOException | RuntimeException gone) {
            return Double.NaN;
        }
    }

    /** The machine's load averages, as {@code uptime} prints them. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
