package org.adversarialarena.ml.detective;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.explain.Saliency;
import org.adversarialarena.ml.fastpath.FastPath;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.model.Networks;
import org.adversarialarena.ml.serve.ImageRows;
import org.adversarialarena.ml.serve.RequestCombiner;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A discriminator that keeps learning while people play against it. It starts as a copy of a trained
 * conditional GAN's D and, one small step at a time, learns to tell real images from the forgeries
 * players submit (replayed from a buffer) and from the GAN generator's samples: the GAN game with
 * humans as the generator.
 *
 * <p>Judging and learning are kept apart: requests are answered by serving copies of D (one per
 * core, so judgements run in parallel), the trainer updates the training copy and, if the step passes
 * the health check, publishes the new weights, which each serving copy takes up before its next
 * answer. A request therefore waits at most for a free copy, never for a training step. The
 * health check rolls a step back (weights and Adam state) when it produced NaN or when D stopped
 * recognising held-out real images, the usual way a discriminator "wins" degenerately. What it studies
 * in a step is drawn by {@link StudyBatches}; what it has done is kept in its {@link TrackRecord}.
 *
 * <p>Thread-safe. The generator copy inside is only used by the trainer.
 */
public final class Detective {

    private static final Logger log = LoggerFactory.getLogger(Detective.class);

    /** One copy per core (more could not answer at once), and a few at most: each is a whole D in memory. */
    // As for the classifiers' pool: a stroke's verdict shares D's forward pass with other strokes waiting then.
    private static final int MAX_COMBINED = 16;

    private static final int SERVING_COPIES = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 8);

    private final DatasetId dataset;
    private final DetectiveOptions options;
    private final DiscriminatorInputs inputs;
    private final HeldOutImages heldOut;
    private final ServingCopies<ConditionalGan, INDArray> serving;
    private final RequestCombiner<SingleImage, Double> singles = new RequestCombiner<>(MAX_COMBINED, SERVING_COPIES);
    private final RequestCombiner<SingleImage, RealnessAndSaliency> saliencies =
            new RequestCombiner<>(MAX_COMBINED, SERVING_COPIES);
    private final ConditionalGan training;
    private final Object trainingLock = new Object();
    private final ReplayBuffer replay;
    private final StudyBatches lessons;
    private final TrackRecord record;
    private final double baselineRealAccuracy;
    private @Nullable INDArray lastGoodUpdaterState;

    private Detective(ConditionalGan gan, MultiLayerNetwork discriminator, ImageSet real, ImageSet heldOut,
            DetectiveOptions options, long version, long forgeriesSeen, List<Boolean> recentCatches, int rollbacks,
            List<Double> losses) {
        if (real.dataset() != gan.dataset() || heldOut.dataset() != gan.dataset()) {
            throw new IllegalArgumentException("Real images, held-out images and the GAN must be of one dataset");
        }
        this.dataset = gan.dataset();
        this.options = options;
        this.inputs = new DiscriminatorInputs(dataset.classCount());
        this.heldOut = new HeldOutImages(heldOut, options.heldOutSize());
        this.replay = new ReplayBuffer(options.replayCapacity());
        MultiLayerNetwork generator;
        synchronized (gan) {
            // The shipped GAN is shared by every game: it is copied under its own lock, and its D is the
            // yardstick of "healthy" however far this detective has drifted since.
            generator = Networks.copy(gan.generator());
            baselineRealAccuracy = this.heldOut.realAccuracy(gan);
        }
        MultiLayerNetwork learner = discriminator;
        learner.setLearningRate(options.learningRate());
        this.training = new ConditionalGan(dataset, gan.loss(), generator, learner);
        List<ConditionalGan> copies = new ArrayList<>(SERVING_COPIES);
        for (int i = 0; i < SERVING_COPIES; i++) {
            copies.add(new ConditionalGan(dataset, gan.loss(), generator, Networks.copy(learner)));
        }
        this.serving = new ServingCopies<>(copies, learner.params().dup(),
                (copy, weights) -> copy.discriminator().setParams(weights));
        this.lastGoodUpdaterState = updaterState(learner);
        this.lessons = new StudyBatches(real, replay, training, options, inputs);
        this.record = new TrackRecord(dataset, options, version, forgeriesSeen, recentCatches, rollbacks, losses,
                this.heldOut.realAccuracy(training));
    }

    /** A detective going live as a copy of {@code gan}'s discriminator (version 1). */
    public static Detective fromGan(ConditionalGan gan, ImageSet real, ImageSet heldOut, DetectiveOptions options) {
        MultiLayerNetwork copy;
        synchronized (gan) {
            copy = Networks.copy(gan.discriminator());
        }
        return new Detective(gan, copy, real, heldOut, options, 1, 0, List.of(), 0, List.of());
    }

    /** A detective resumed from {@code checkpoint}; {@code gan} supplies the generator and the health yardstick. */
    public static Detective resume(ConditionalGan gan, DetectiveCheckpoint checkpoint, ImageSet real, ImageSet heldOut,
            DetectiveOptions options) {
        if (checkpoint.dataset() != gan.dataset()) {
            throw new IllegalArgumentException("A " + checkpoint.dataset().slug() + " checkpoint cannot resume a "
                    + gan.dataset().slug() + " detective");
        }
        return new Detective(gan, network(checkpoint), real, heldOut, options, checkpoint.version(),
                checkpoint.forgeriesSeen(), checkpoint.recentCatches(), checkpoint.rollbacks(), checkpoint.lossCurve());
    }

    /**
     * Takes up a checkpoint that another node's trainer wrote: its weights and Adam state (the serving
     * copies answer with them from their next request on), its version, losses and rollbacks. The counters
     * of judged forgeries stay this detective's own. A node that does not train serves the latest checkpoint
     * this way without building a new detective.
     */
    public void adopt(DetectiveCheckpoint checkpoint) {
        if (checkpoint.dataset() != dataset) {
            throw new IllegalArgumentException("A " + checkpoint.dataset().slug() + " checkpoint cannot be adopted by a "
                    + dataset.slug() + " detective");
        }
        MultiLayerNetwork stored = network(checkpoint);
        synchronized (trainingLock) {
            MultiLayerNetwork d = training.discriminator();
            d.setParams(stored.params());
            INDArray state = d.getUpdater() == null ? null : d.getUpdater().getStateViewArray();
            INDArray storedState = updaterState(stored);
            if (state != null && storedState != null && state.length() == storedState.length()) {
                state.assign(storedState);
            }
            lastGoodUpdaterState = updaterState(d);
            serving.publish(d.params().dup());
            record.adopt(checkpoint, heldOut.realAccuracy(training));
        }
    }

    public DatasetId dataset() {
        return dataset;
    }

    /** How real the detective finds {@code image} as an image of class {@code classIndex}, in [0, 1]. */
    public double realness(float[] image, int classIndex) {
        return singles.answer(new SingleImage(ImagePixels.requireValid(image), classIndex), this::lend,
                Detective::realnessOfSingles);
    }

    private record SingleImage(float[] image, int classIndex) {
    }

    /** One pass of D for the one-image verdicts of many players' strokes. */
    private static List<Double> realnessOfSingles(ConditionalGan copy, List<SingleImage> requests) {
        float[] verdicts = copy.realness(stacked(requests), requests.stream().mapToInt(SingleImage::classIndex).toArray());
        List<Double> answers = new ArrayList<>(verdicts.length);
        for (float verdict : verdicts) {
            answers.add((double) verdict);
        }
        return answers;
    }

    private static INDArray stacked(List<SingleImage> requests) {
        return ImageRows.of(requests.stream().map(SingleImage::image).toList());
    }

    private void lend(Consumer<ConditionalGan> work) {
        serving.with(copy -> {
            work.accept(copy);
            return null;
        });
    }

    /** Verdicts for many images at once (e.g. re-judging a competition's forgeries). */
    public float[] realness(float[][] images, int[] classes) {
        INDArray batch = stacked(singleImages(images, classes));
        return serving.with(copy -> copy.realness(batch, classes));
    }

    private static List<SingleImage> singleImages(float[][] images, int[] classes) {
        if (images.length != classes.length || images.length == 0) {
            throw new IllegalArgumentException("One class per image, and at least one image");
        }
        List<SingleImage> requests = new ArrayList<>(images.length);
        for (int i = 0; i < images.length; i++) {
            requests.add(new SingleImage(ImagePixels.requireValid(images[i]), classes[i]));
        }
        return requests;
    }

    /**
     * Which pixels the detective's verdict on {@code image} as class {@code classIndex} hangs on:
     * |∂ loss(real) / ∂x| from the serving copy, scaled to [0, 1].
     */
    public float[] saliency(float[] image, int classIndex) {
        return realnessAndSaliency(image, classIndex).saliency();
    }

    /** The verdict and its saliency map, from one pass where D allows it. */
    public RealnessAndSaliency realnessAndSaliency(float[] image, int classIndex) {
        return saliencies.answer(new SingleImage(ImagePixels.requireValid(image), classIndex), this::lend,
                this::saliencyOfSingles);
    }

    /** {@link #saliency} of many images in one pass, as strokes asking at the same moment get them. */
    List<float[]> saliency(float[][] images, int[] classes) {
        List<SingleImage> requests = singleImages(images, classes);
        return serving.with(copy -> saliencyOfSingles(copy, requests)).stream().map(RealnessAndSaliency::saliency).toList();
    }

    /**
     * Verdicts and maps of many images from one pass (strokes asking at the same moment share it): D
     * has no batch statistics (no batch normalisation, no dropout), so each image's input gradient is
     * its own, and scaling each map by its largest entry cancels the loss's factor of each image.
     */
    private List<RealnessAndSaliency> saliencyOfSingles(ConditionalGan copy, List<SingleImage> requests) {
        MultiLayerNetwork d = copy.discriminator();
        INDArray images = stacked(requests);
        int[] classes = requests.stream().mapToInt(SingleImage::classIndex).toArray();
        Optional<ClassScoreGradient> dense = ClassScoreGradient.of(d);
        float[] realness;
        INDArray gradient;
        if (dense.isPresent()) {
            ClassScoreGradient.Pass pass = dense.get().pass(images, classes);
            realness = copy.realnessOfScores(pass.outputs(), classes);
            gradient = pass.inputGradients();
        } else {
            realness = copy.realness(images, classes);
            gradient = lossGradient(d, images, classes);
        }
        List<RealnessAndSaliency> answers = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            answers.add(new RealnessAndSaliency(realness[i],
                    Saliency.normalisedMagnitude(gradient.getRow(i).dup().toFloatVector())));
        }
        return answers;
    }

    /** ∂ loss(real) / ∂ pixels through DL4J, for a D of other layers than dense ones. */
    private INDArray lossGradient(MultiLayerNetwork d, INDArray images, int[] classes) {
        double[] real = new double[classes.length];
        Arrays.fill(real, 1);
        INDArray gradient = d.calculateGradients(images, inputs.targets(real), null, inputs.classMask(classes)).getSecond();
        // calculateGradients leaves the label mask on D's layers, which a later batch of another size trips on.
        d.clearLayerMaskArrays();
        return gradient.reshape(classes.length, ImagePixels.COUNT);
    }

    /**
     * Records a forgery the detective judged ({@code verdict}, its real-probability at submission): it
     * counts for the catch rate and joins the replay buffer the next training steps learn from.
     */
    public void observe(float[] forgery, int classIndex, double verdict) {
        remember(forgery, classIndex);
        record.judged(verdict);
    }

    /**
     * Puts a forgery into the replay buffer without counting it as newly seen: e.g. the latest stored
     * forgeries after a restart, so a resumed detective keeps learning from what it had been shown.
     */
    public void remember(float[] forgery, int classIndex) {
        float[] pixels = ImagePixels.requireValid(forgery);
        if (classIndex < 0 || classIndex >= dataset.classCount()) {
            throw new IllegalArgumentException("Class " + classIndex + " does not exist in " + dataset.slug());
        }
        replay.add(pixels, classIndex);
    }

    public StepOutcome trainStep() {
        return trainStep(StepFault.NONE);
    }

    /**
     * One training step on real images against replayed forgeries and generator samples, kept only if
     * the health check passes. Without forgeries to learn from it does nothing.
     */
    public StepOutcome trainStep(StepFault fault) {
        synchronized (trainingLock) {
            if (replay.size() == 0) {
                return new StepOutcome(false, record.version(), Double.NaN, record.realAccuracy(), "no forgeries yet");
            }
            MultiLayerNetwork d = training.discriminator();
            FastPath.fit(d, lessons.next());
            d.clearLayerMaskArrays();
            fault.afterUpdate(d);
            double loss = d.score();
            if (!Double.isFinite(loss) || !Double.isFinite(d.params().sumNumber().doubleValue())) {
                return rollBack(d, loss, "the step produced NaN (loss " + loss + ")");
            }
            double accuracy = heldOut.realAccuracy(training);
            if (accuracy < baselineRealAccuracy * options.collapseFraction()) {
                return rollBack(d, loss, String.format(Locale.ROOT,
                        "its accuracy on held-out real images collapsed to %.2f (went live at %.2f)", accuracy,
                        baselineRealAccuracy));
            }
            keep(d);
            return new StepOutcome(true, record.stepAccepted(loss, accuracy), loss, accuracy, "");
        }
    }

    /** The detective as it stands after its last accepted step, with its Adam state. */
    public DetectiveCheckpoint checkpoint() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        synchronized (trainingLock) {
            try {
                ModelSerializer.writeModel(training.discriminator(), bytes, true);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not serialise the detective", e);
            }
            DetectiveStats stats = stats();
            return new DetectiveCheckpoint(dataset, stats.version(), stats.forgeriesSeen(), bytes.toByteArray(),
                    stats.lossCurve(), record.recentCatches(), stats.rollbacks());
        }
    }

    public DetectiveStats stats() {
        return record.stats();
    }

    public long version() {
        return record.version();
    }

    /** The step passed the health check: the serving copies take its weights, and its Adam state is the one to roll back to. */
    private void keep(MultiLayerNetwork d) {
        lastGoodUpdaterState = updaterState(d);
        serving.publish(d.params().dup());
    }

    /** The training copy's weights go back to the last accepted ones (the serving copy's), and Adam's state too. */
    private StepOutcome rollBack(MultiLayerNetwork d, double loss, String problem) {
        d.setParams(serving.weights());
        INDArray state = d.getUpdater() == null ? null : d.getUpdater().getStateViewArray();
        if (state != null && lastGoodUpdaterState != null) {
            state.assign(lastGoodUpdaterState);
        }
        record.stepRolledBack();
        log.warn("{} detective v{}: training step rolled back because {}", dataset.slug(), version(), problem);
        return new StepOutcome(false, version(), loss, record.realAccuracy(), problem);
    }

    private static MultiLayerNetwork network(DetectiveCheckpoint checkpoint) {
        try {
            return Networks.loadWithoutForwardCache(new ByteArrayInputStream(checkpoint.network()), true);
        } catch (IOException e) {
            throw new UncheckedIOException("The detective checkpoint cannot be read", e);
        }
    }

    private static @Nullable INDArray updaterState(MultiLayerNetwork network) {
        INDArray state = network.getUpdater() == null ? null : network.getUpdater().getStateViewArray();
        return state == null ? null : state.dup();
    }
}
