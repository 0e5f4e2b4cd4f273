package org.adversarialarena.ml.detective;

import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The held-out real images the health check shows a discriminator after every step: a discriminator
 * that stops judging them real has "won" degenerately, by calling everything fake.
 */
final class HeldOutImages {

    private final INDArray images;
    private final int[] classes;

    /** The first {@code count} images of {@code set} (all of them if it has fewer). */
    HeldOutImages(ImageSet set, int count) {
        ImageSet judged = set.subset(0, Math.min(count, set.size()));
        this.images = judged.features();
        this.classes = judged.firstLabels(judged.size());
    }

    /** The share of the images {@code gan}'s discriminator judges real. Not thread-safe, like the GAN. */
    double realAccuracy(ConditionalGan gan) {
        float[] verdicts = gan.realness(images, classes);
        int judgedReal = 0;
        for (float verdict : verdicts) {
            if (DetectiveVerdict.judgedReal(verdict)) {
                judgedReal++;
            }
        }
        return (double) judgedReal / verdicts.length;
    }
}
