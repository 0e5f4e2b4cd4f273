package org.adversarialarena.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {

    private static final Path OWN_STAT = Path.of("/proc/thread-self/stat");

    @Test
    void aThreadOfALoweredFactoryRunsNicerThanTheThreadThatMadeIt() throws Exception {
        assumeThat(Files.isReadable(OWN_STAT)).as("Linux's per-thread stat").isTrue();
        int callers = niceness();
        ExecutorService lowered = Executors.newSingleThreadExecutor(
                BackgroundPriority.lowered(Thread.ofPlatform().name("lowered-test").factory()));
        try {
            int inside = CompletableFuture.supplyAsync(BackgroundPriorityTest::niceness, lowered).get();
            // setpriority sets the value, not a step: the lowest priority there is, whatever the caller's.
            assertThat(inside).isEqualTo(BackgroundPriority.NICENESS).isGreaterThan(callers);
        } finally {
            lowered.shutdownNow();
        }
        // Only the factory's thread changed.
        assertThat(niceness()).isEqualTo(callers);
    }

    /** Field 19 of the calling thread's stat line (after the command name, which may hold spaces). */
    private static int niceness() {
        try {
            String stat = Files.readString(OWN_STAT);
            String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(afterName[16]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
