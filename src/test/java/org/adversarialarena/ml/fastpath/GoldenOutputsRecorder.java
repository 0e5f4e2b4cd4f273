package org.adversarialarena.ml.fastpath;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.adversarialarena.ml.model.ClassifierId;

/**
 * Records {@link GoldenOutputs} of the shipped LeNets with plain DL4J, in a JVM of its own: the
 * command is in {@link GoldenOutputsTest}'s documentation. Refuses to run with the fast path on,
 * which is what the recording must be independent of.
 */
public final class GoldenOutputsRecorder {

    private GoldenOutputsRecorder() {
    }

    /** @param args the folder to write into (src/test/resources/golden) */
    public static void main(String[] args) throws IOException {
        FastPath.install();
        if (FastPath.isOn()) {
            throw new IllegalStateException("Golden outputs come from plain DL4J: run with -D" + FastPath.SWITCH + "=false");
        }
        Path folder = Path.of(args.length > 0 ? args[0] : "src/test/resources/golden");
        Files.createDirectories(folder);
        for (ClassifierId id : GoldenOutputsTest.MODELS) {
            Path file = folder.resolve(GoldenOutputs.fileName(id));
            try (OutputStream out = Files.newOutputStream(file)) {
                GoldenOutputs.compute(id).write(out);
            }
            System.out.println(id + " -> " + file);
        }
    }
}
