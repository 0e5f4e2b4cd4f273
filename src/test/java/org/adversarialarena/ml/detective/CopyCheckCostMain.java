package org.adversarialarena.ml.detective;

import java.util.Arrays;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.fastpath.FastPath;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.adversarialarena.ml.gan.GanFiles;

/**
 * What the copy check costs one Forge submission: {@link NearDuplicates#requireOriginal} (25 shifted
 * searches of the training and test images) on generator samples, which are originals and so search
 * everything; the median and spread of {@code rounds} samples after warm-up, per dataset.
 * <pre>java ... org.adversarialarena.ml.detective.CopyCheckCostMain [rounds, 200]</pre>
 */
public final class CopyCheckCostMain {

    private CopyCheckCostMain() {
    }

    public static void main(String[] args) {
        FastPath.install();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        for (DatasetId dataset : DatasetId.values()) {
            DatasetSplit data = Datasets.load(dataset);
            NearDuplicates duplicates = new NearDuplicates(NearDuplicates.DEFAULT_THRESHOLD, data.train(), data.test());
            ConditionalGan gan = GanFiles.loadShipped(dataset, GanFiles.newestShippedVersion(dataset));
            float[][] samples = new float[rounds][];
            for (int i = 0; i < rounds; i++) {
                samples[i] = gan.sample(i % 10, gan.latent(i));
            }
            for (int i = 0; i < rounds; i++) {
                duplicates.requireOriginal(samples[i]);
            }
            double[] millis = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                duplicates.requireOriginal(samples[i]);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            System.out.printf("%s (%d images): median %.2f ms, p90 %.2f, min %.2f, max %.2f%n", dataset,
                    data.train().size() + data.test().size(), millis[rounds / 2], millis[rounds * 9 / 10], millis[0],
                    millis[rounds - 1]);
        }
    }
}
