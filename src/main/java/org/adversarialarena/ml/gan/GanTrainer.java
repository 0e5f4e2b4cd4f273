package org.adversarialarena.ml.gan;

import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.model.Networks;
import org.adversarialarena.ml.train.Cancellation;
import org.adversarialarena.ml.train.TrainingListener;
import org.adversarialarena.ml.train.TrainingProgress;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Trains a conditional GAN: k discriminator steps on real and generated images, then one generator
 * step, repeated ({@link GanSteps} takes the steps).
 */
public final class GanTrainer {

    private static final int REPORT_EVERY = 25;

    private final TrainingListener listener;
    private final Cancellation cancellation;

    public GanTrainer(TrainingListener listener, Cancellation cancellation) {
        this.listener = listener;
        this.cancellation = cancellation;
    }

    /** A fresh GAN for {@code dataset}, trained on {@code real}. */
    public ConditionalGan train(ImageSet real, GanTrainingOptions options) {
        ConditionalGan gan = newGan(real.dataset(), options);
        continueTraining(gan, real, options);
        return gan;
    }

    public static ConditionalGan newGan(DatasetId dataset, GanTrainingOptions options) {
        MultiLayerNetwork generator = Networks.createWithoutForwardCache(options.architecture()
                .generator(options.seed(), options.generatorLearningRate(), options.latentSize()));
        MultiLayerNetwork discriminator = Networks.createWithoutForwardCache(options.architecture()
                .discriminator(options.seed() + 1, options.discriminatorLearningRate(), options.loss()));
        return new ConditionalGan(dataset, options.loss(), generator, discriminator);
    }

    /** Trains {@code gan} further for {@code options.iterations()} generator steps. */
    public void continueTraining(ConditionalGan gan, ImageSet real, GanTrainingOptions options) {
        continueTraining(gan, real, options, 1, GanIterationListener.none());
    }

    /**
     * Runs iterations {@code first} to {@code options.iterations()} of a run, e.g. from 501 after a checkpoint taken
     * at 500. Batches and latent draws of a resumed run are seeded from the seed and {@code first}, so the same
     * checkpoint always resumes the same way; a run from 1 draws exactly what {@link #train} draws.
     */
    public void continueTraining(ConditionalGan gan, ImageSet real, GanTrainingOptions options, int first,
            GanIterationListener iterations) {
        run(new GanSteps(gan, real, options, first), gan, options, first, iterations);
    }

    /** A fresh GAN trained with {@code refinements} (shifted D inputs, class guidance); returns the steps to go on with. */
    public GanSteps train(ConditionalGan gan, ImageSet real, GanTrainingOptions options, GanRefinements refinements) {
        GanSteps steps = new GanSteps(gan, real, options, 1, refinements);
        run(steps, gan, options, 1, GanIterationListener.none());
        return steps;
    }

    private void run(GanSteps steps, ConditionalGan gan, GanTrainingOptions options, int first, GanIterationListener iterations) {
        for (int iteration = first; iteration <= options.iterations(); iteration++) {
            cancellation.throwIfCancelled();
            GanSteps.Losses losses = steps.iterate();
            if (iteration % REPORT_EVERY == 0 || iteration == options.iterations()) {
                listener.onProgress(new TrainingProgress(gan.dataset().slug() + "-gan", iteration, options.iterations(),
                        losses.discriminator(), steps.verdicts()));
            }
            iterations.afterIteration(gan, iteration, losses.discriminator(), losses.generator());
        }
    }
}
