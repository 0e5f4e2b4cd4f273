package org.adversarialarena.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adversarialarena.ml.fastpath.FastPath;
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
        FastPath.install();
        int rounds = Integer.getInteger("benchmark.rounds", 3);
        Workload work = new Workload();
        Dl4jSide dl4j = new Dl4jSide(work);
        Rounds measured = new Rounds(rounds);
        try (PyTorchSide pytorch = new PyTorchSide(work)) {
            // Rounds alternate the two sides figure by figure, so a slow spell of the machine hits both.
            for (int round = 0; round < rounds; round++) {
                measured.add("training", round, dl4j.trainingImagesPerSecond(20, 100), pytorch.trainingImagesPerSecond(20, 300));
                double[] dl4jSingle = dl4j.singleInferenceMs(200, 2_000);
                double[] pytorchSingle = pytorch.singleInferenceMs(200, 2_000);
                measured.add("single p50", round, Timer.percentile(dl4jSingle, 50), Timer.percentile(pytorchSingle, 50));
                measured.add("single p99", round, Timer.percentile(dl4jSingle, 99), Timer.percentile(pytorchSingle, 99));
                measured.add("batch", round, dl4j.batchInferenceImagesPerSecond(20, 200),
                        pytorch.batchInferenceImagesPerSecond(20, 500));
                double[] dl4jGradient = dl4j.inputGradientMs(50, 500);
                double[] pytorchGradient = pytorch.inputGradientMs(50, 500);
                measured.add("gradient", round, Timer.percentile(dl4jGradient, 50), Timer.percentile(pytorchGradient, 50));
                measured.add("gan", round, dl4j.ganIterationsPerSecond(20, 300), pytorch.ganIterationsPerSecond(20, 300));
            }
        }
        List<Figure> figures = List.of(
                measured.figure("training", "LeNet training, batch 64, Adam", "images/s", true),
                measured.figure("single p50", "LeNet single-image inference p50", "ms", false),
                measured.figure("single p99", "LeNet single-image inference p99", "ms", false),
                measured.figure("batch", "LeNet batch-64 inference", "images/s", true),
                measured.figure("gradient", "LeNet single-image input gradient p50", "ms", false),
                measured.figure("gan", "Conditional MLP GAN, batch 64, one D + one G step", "iterations/s", true));
        String report = report(figures, rounds);
        System.out.println(report);
        Path out = Path.of("target", "benchmark-" + System.getProperty("benchmark.threads", "?") + "-threads.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Each figure's value per round, for both sides. */
    private static final class Rounds {
        private final int count;
        private final Map<String, double[][]> values = new HashMap<>();

        Rounds(int count) {
            this.count = count;
        }

        void add(String key, int round, double dl4j, double pytorch) {
            double[][] sides = values.computeIfAbsent(key, k -> new double[][] {new double[count], new double[count]});
            sides[0][round] = dl4j;
            sides[1][round] = pytorch;
        }

        Figure figure(String key, String name, String unit, boolean higherIsBetter) {
            double[][] sides = values.get(key);
            return new Figure(name, unit, higherIsBetter, sides[0], sides[1]);
        }
    }

    private static String report(List<Figure> figures, int rounds) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Threads: %s (OMP_NUM_THREADS=%s); %d alternating rounds, median (min–max) per side; ND4J backend %s; JDK %s; %d cores; load average at end %.2f%n%n",
                System.getProperty("benchmark.threads"), System.getenv("OMP_NUM_THREADS"), rounds,
                Nd4j.getBackend().getClass().getSimpleName(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        text.append("| figure | DL4J | PyTorch | unit | DL4J speed / PyTorch speed |\n|---|---|---|---|---|\n");
        for (Figure figure : figures) {
            text.append(figure.markdownRow()).append('\n');
        }
        return text.toString();
    }
}
