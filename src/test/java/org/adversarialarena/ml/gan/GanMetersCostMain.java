package org.adversarialarena.ml.gan;

import java.util.Arrays;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.fastpath.FastPath;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;

/**
 * What the Lab's meters cost a training run, against the iterations they sit between: the MLP GAN's
 * iteration (batch 64), a single D step and a single G step, the report's samples grid, class coverage
 * (100 samples) and classifier FID (500 against 500), each the median of {@code rounds} timings after
 * warm-up. Run with OMP_NUM_THREADS=1 like the benchmarks:
 * <pre>java ... org.adversarialarena.ml.gan.GanMetersCostMain [rounds, 20]</pre>
 */
public final class GanMetersCostMain {

    private GanMetersCostMain() {
    }

    public static void main(String[] args) {
        FastPath.install();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        DatasetSplit mnist = Datasets.load(DatasetId.MNIST);
        ClassifierPool judge = new ClassifierPool(ClassifierFiles.loadShipped(ClassifierId.parse("mnist-mlp", 1)), 1);
        long start = System.nanoTime();
        GanMeters.Reference reference = GanMeters.reference(judge, mnist.test(), mnist.train(), 500);
        System.out.printf("reference features and baseline (once per dataset): %.0f ms, baseline %.2f%n",
                (System.nanoTime() - start) / 1e6, reference.baseline());
        GanTrainingOptions options = GanTrainingOptions.defaults(GanArchitecture.MLP, 100_000, 1);
        ConditionalGan gan = GanTrainer.newGan(DatasetId.MNIST, options);
        GanSteps steps = new GanSteps(gan, mnist.train(), options, 1);
        GanMeters meters = new GanMeters(judge, reference, 10, gan.latentSize(), true, 100);
        for (int i = 0; i < 50; i++) {
            steps.iterate();
            meters.coverage(gan);
        }
        report("iteration (k = 1, batch 64)", rounds, steps::iterate);
        report("single D step", rounds, steps::discriminatorStep);
        report("single G step", rounds, steps::generatorStep);
        report("D's verdicts (a real batch, as many fakes)", rounds, steps::verdicts);
        report("samples grid (20)", rounds, () -> meters.grid(gan));
        report("class coverage (100 samples)", rounds, () -> meters.coverage(gan));
        report("classifier FID (500 vs 500)", Math.max(3, rounds / 4), () -> meters.frechetDistance(gan));
    }

    private static void report(String what, int rounds, Runnable action) {
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            action.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("%-45s median %6.1f ms, min %6.1f, max %6.1f%n", what, millis[rounds / 2], millis[0],
                millis[rounds - 1]);
    }
}
