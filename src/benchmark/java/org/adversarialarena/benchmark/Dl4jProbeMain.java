package org.adversarialarena.benchmark;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.adversarialarena.ml.fastpath.FastPath;

/**
 * DL4J figures alone, in a shorter run than {@link BenchmarkMain}: for trying one setting at a time
 * (system properties, OMP_NUM_THREADS, natives) during the speed hunt without paying for PyTorch each time.
 */
public final class Dl4jProbeMain {

    private Dl4jProbeMain() {
    }

    public static void main(String[] args) {
        FastPath.install();
        Dl4jSide dl4j = new Dl4jSide(new Workload());
        double training = dl4j.trainingImagesPerSecond(10, 40);
        double[] single = dl4j.singleInferenceMs(100, 1_000);
        double batch = dl4j.batchInferenceImagesPerSecond(10, 100);
        double[] gradient = dl4j.inputGradientMs(30, 300);
        double gan = dl4j.ganIterationsPerSecond(10, 60);
        System.out.printf(Locale.ROOT,
                "PROBE train %.0f img/s | single p50 %.3f ms p99 %.3f ms | batch64 %.0f img/s | gradient p50 %.3f ms | GAN %.1f it/s | load %.2f%n",
                training, Timer.percentile(single, 50), Timer.percentile(single, 99), batch,
                Timer.percentile(gradient, 50), gan, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
