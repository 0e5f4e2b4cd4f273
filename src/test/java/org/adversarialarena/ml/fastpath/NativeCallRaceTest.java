package org.adversarialarena.ml.fastpath;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link NativeCallRaceMain} in a process of its own, since the failure it guards against ends the
 * process. On ND4J's own executioner such a run died within seconds (docs/reliability.md).
 */
class NativeCallRaceTest {

    @Test
    void broadcastsOnManyThreadsWhileTheCollectorRunsDoNotCrashTheProcess(@TempDir Path directory) throws Exception {
        Path output = directory.resolve("race.log");
        Process race = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Xmn16m", "-cp", System.getProperty("java.class.path"), NativeCallRaceMain.class.getName(),
                "256", "20", "true")
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean ended = race.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            race.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(ended).as("the race ended in time").isTrue();
        assertThat(race.exitValue()).as(log.lines().filter(line -> line.startsWith("#")).toList().toString()).isZero();
        assertThat(log).contains("executioner " + ReachableOpExecutioner.class.getName()).contains(NativeCallRaceMain.DONE);
        assertThat(directory.toFile().list((dir, name) -> name.startsWith("hs_err"))).isEmpty();
    }
}
