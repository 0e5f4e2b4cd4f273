package org.adversarialarena.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J (our code) and PyTorch (through DJL) measured in one run on one machine, same networks,
 * same data, same batch size; prints a Markdown table for docs/benchmarks.md. Run with
 * {@code ./mvnw -Pbenchmark test-compile exec:exec -Dbenchmark.threads=1} (or 2): the thread count goes
 * to OMP_NUM_THREADS for ND4J and to DJL's intra-op threads for PyTorch.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws IOException {
        Workload work = new Workload();
        Dl4jSide dl4j = new Dl4jSide(work);
        List<Figure> figures = new ArrayList<>();
        try (PyTorchSide pytorch = new PyTorchSide(work)) {
            figures.add(new Figure("LeNet training, batch 64, Adam", "images/s", true,
                    dl4j.trainingImagesPerSecond(20, 100), pytorch.trainingImagesPerSecond(20, 300)));
            double[] dl4jSingle = dl4j.singleInferenceMs(200, 2_000);
            double[] pytorchSingle = pytorch.singleInferenceMs(200, 2_000);
            figures.add(new Figure("LeNet single-image inference p50", "ms", false,
                    Timer.percentile(dl4jSingle, 50), Timer.percentile(pytorchSingle, 50)));
            figures.add(new Figure("LeNet single-image inference p99", "ms", false,
                    Timer.percentile(dl4jSingle, 99), Timer.percentile(pytorchSingle, 99)));
            figures.add(new Figure("LeNet batch-64 inference", "images/s", true,
                    dl4j.batchInferenceImagesPerSecond(20, 200), pytorch.batchInferenceImagesPerSecond(20, 500)));
            double[] dl4jGradient = dl4j.inputGradientMs(50, 500);
            double[] pytorchGradient = pytorch.inputGradientMs(50, 500);
            figures.add(new Figure("LeNet single-image input gradient p50", "ms", false,
                    Timer.percentile(dl4jGradient, 50), Timer.percentile(pytorchGradient, 50)));
            figures.add(new Figure("Conditional MLP GAN, batch 64, one D + one G step", "iterations/s", true,
                    dl4j.ganIterationsPerSecond(20, 300), pytorch.ganIterationsPerSecond(20, 300)));
        }
        String report = report(figures);
        System.out.println(report);
        Path out = Path.of("target", "benchmark-" + System.getProperty("benchmark.threads", "?") + "-threads.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static String report(List<Figure> figures) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Threads: %s (OMP_NUM_THREADS=%s); ND4J backend %s; JDK %s; %d cores; load average at end %.2f%n%n",
                System.getProperty("benchmark.threads"), System.getenv("OMP_NUM_THREADS"),
                Nd4j.getBackend().getClass().getSimpleName(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        text.append("| figure | DL4J | PyTorch | unit | DL4J speed / PyTorch speed |\n|---|---|---|---|---|\n");
        for (Figure figure : figures) {
            text.append(figure.markdownRow()).append('\n');
        }
        return text.toString();
    }
}
