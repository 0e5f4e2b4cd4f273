package org.adversarialarena.ml.detective;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the detective studies in one training step: real images at their true classes, aimed at the
 * real target, then forgeries replayed from the buffer and fresh samples of the GAN's generator, both
 * aimed at 0. Seeded, so a detective's lessons can be replayed. Not thread-safe: only the trainer draws.
 */
final class StudyBatches {

    private static final double FAKE = 0.0;

    private final ImageSet real;
    private final ReplayBuffer replay;
    private final ConditionalGan generator;
    private final DetectiveOptions options;
    private final DiscriminatorInputs inputs;
    private final Random random;

    /** {@code generator} supplies the samples: its generator network is used, never its discriminator. */
    StudyBatches(ImageSet real, ReplayBuffer replay, ConditionalGan generator, DetectiveOptions options,
            DiscriminatorInputs inputs) {
        this.real = real;
        this.replay = replay;
        this.generator = generator;
        this.options = options;
        this.inputs = inputs;
        this.random = new Random(options.seed());
    }

    /** The next batch: features, per-image targets and the class mask that D's label mask takes. */
    DataSet next() {
        Lesson lesson = new Lesson();
        for (int k = 0; k < options.realPerStep(); k++) {
            int i = random.nextInt(real.size());
            lesson.add(real.image(i), real.label(i), options.realTarget());
        }
        for (ReplayBuffer.Forgery forgery : replay.sample(options.forgeriesPerStep(), random)) {
            lesson.add(forgery.pixels(), forgery.classIndex(), FAKE);
        }
        if (options.generatedPerStep() > 0) {
            addGeneratorSamples(lesson, options.generatedPerStep());
        }
        return lesson.toDataSet();
    }

    private void addGeneratorSamples(Lesson lesson, int n) {
        int[] classes = random.ints(n, 0, inputs.classCount()).toArray();
        float[] z = new float[n * generator.latentSize()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        float[][] samples = generator.generate(Nd4j.create(z, new long[] {n, generator.latentSize()}, 'c'), classes)
                .toFloatMatrix();
        for (int i = 0; i < n; i++) {
            lesson.add(samples[i], classes[i], FAKE);
        }
    }

    /** The images of one batch as they are drawn, with their classes and targets. */
    private final class Lesson {
        private final List<float[]> images = new ArrayList<>();
        private final List<Integer> classes = new ArrayList<>();
        private final List<Double> targets = new ArrayList<>();

        void add(float[] image, int classIndex, double target) {
            images.add(image);
            classes.add(classIndex);
            targets.add(target);
        }

        DataSet toDataSet() {
            double[] targetArray = targets.stream().mapToDouble(Double::doubleValue).toArray();
            int[] classArray = classes.stream().mapToInt(Integer::intValue).toArray();
            return new DataSet(DiscriminatorInputs.images(images), inputs.targets(targetArray), null,
                    inputs.classMask(classArray));
        }
    }
}
