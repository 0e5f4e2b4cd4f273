package org.adversarialarena.ml.defense;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.adversarialarena.ml.attack.Attack;
import org.adversarialarena.ml.attack.AttackGoal;
import org.adversarialarena.ml.attack.AttackResult;
import org.adversarialarena.ml.attack.GradientAttack;
import org.adversarialarena.ml.attack.Norm;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.fastpath.FastPath;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.model.Networks;
import org.adversarialarena.ml.serve.DifferentiableClassifier;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains an {@link AdversarialDetector}: each training image appears twice, once clean (label real)
 * and once attacked (label adversarial), so the network must learn the perturbation rather than the
 * content. The attacks are those a player's machine opponent uses on the plain classifier: FGSM at
 * ε/3, 2ε/3 and ε, and PGD-10 at ε/2 and ε (full-strength iterates). Detection is then measured on
 * held-out test images: the false-alarm rate on clean ones and the detection rate on successful
 * FGSM and PGD-40 examples at ε.
 */
public final class DetectorTrainer {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * Settings of one run; {@code epsilon} is the dataset's standard L∞ budget (0.3 MNIST, 0.1 Fashion-MNIST);
     * {@code handEdits} adds the training {@link SimulatedPlayers}' brush strokes to the gradient attacks
     * (version 2 on), so the detector also flags the blotchy edits players make by hand.
     */
    public record Plan(int version, int trainImages, int epochs, int batchSize, double learningRate, float epsilon, long seed,
            int evaluationImages, boolean handEdits) {
    }

    /** What a run produced. */
    public record TrainedDetector(AdversarialDetector detector, MultiLayerNetwork network, Map<String, Object> metrics) {
    }

    private final Consumer<String> log;

    public DetectorTrainer(Consumer<String> log) {
        this.log = log;
    }

    public static MultiLayerNetwork newNetwork(long seed, double learningRate) {
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(16).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(ImagePixels.SIDE, ImagePixels.SIDE, 1))
                .build();
        return Networks.create(configuration);
    }

    public TrainedDetector train(DifferentiableClassifier victim, DatasetSplit data, Plan plan) {
        return train(victim, data, plan, PlayedEdits.none());
    }

    /** As {@link #train(DifferentiableClassifier, DatasetSplit, Plan)}, with real players' edits: the training players' as more pairs, the held-out players' measured. */
    public TrainedDetector train(DifferentiableClassifier victim, DatasetSplit data, Plan plan, PlayedEdits played) {
        long started = System.nanoTime();
        int generated = Math.min(plan.trainImages(), data.train().size());
        float[][] firstImages = data.train().firstImages(generated);
        int[] labels = data.train().firstLabels(generated);
        List<Attack<? super DifferentiableClassifier>> attacks = trainingAttacks(plan);
        float[][] clean = concat(firstImages, PlayedEdits.originals(played.training()));
        float[][] attacked = concat(trainingAdversarials(victim, firstImages, labels, attacks), PlayedEdits.edited(played.training()));
        int n = clean.length;
        log.accept(String.format(java.util.Locale.ROOT, "%d adversarial training images in %.0f s", attacked.length,
                (System.nanoTime() - started) / 1e9));

        MultiLayerNetwork network = newNetwork(plan.seed(), plan.learningRate());
        Random random = new Random(plan.seed());
        int[] order = new int[2 * n];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int epoch = 1; epoch <= plan.epochs(); epoch++) {
            shuffle(order, random);
            for (int from = 0; from < order.length; from += plan.batchSize()) {
                int size = Math.min(plan.batchSize(), order.length - from);
                float[][] features = new float[size][];
                float[][] targets = new float[size][2];
                for (int b = 0; b < size; b++) {
                    int k = order[from + b];
                    boolean adversarial = k >= n;
                    features[b] = adversarial ? attacked[k - n] : clean[k];
                    targets[b][adversarial ? AdversarialDetector.ADVERSARIAL : AdversarialDetector.REAL] = 1f;
                }
                FastPath.fit(network, new DataSet(Nd4j.create(features), Nd4j.create(targets)));
            }
            log.accept("epoch " + epoch + " loss " + network.score());
        }
        double trainingSeconds = (System.nanoTime() - started) / 1e9;
        AdversarialDetector detector = new AdversarialDetector(data.test().dataset(), network.clone(),
                AdversarialDetector.DEFAULT_THRESHOLD);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("model", data.test().dataset().slug() + "-detector");
        metrics.put("version", plan.version());
        metrics.put("dataset", data.test().dataset().slug());
        metrics.put("trainImages", 2 * n);
        metrics.put("trainingAttacks", attacks.stream().map(Attack::name).toList());
        metrics.put("epsilon", plan.epsilon());
        metrics.put("epochs", plan.epochs());
        metrics.put("batchSize", plan.batchSize());
        metrics.put("learningRate", plan.learningRate());
        metrics.put("seed", plan.seed());
        metrics.put("threshold", AdversarialDetector.DEFAULT_THRESHOLD);
        metrics.put("parameters", network.numParams());
        metrics.put("trainingSeconds", trainingSeconds);
        metrics.put("playedEditsInTraining", played.training().size());
        metrics.put("trainedAt", Instant.now().toString());
        return new TrainedDetector(detector, network, metrics);
    }

    /**
     * The detector's false alarms on the first test images and its detection of every edit kind there,
     * added to its metrics; a separate step so a trained network is saved before the long measurement.
     */
    public static TrainedDetector withDetectionRates(TrainedDetector trained, DifferentiableClassifier victim, DatasetSplit data,
            Plan plan, PlayedEdits played) {
        Map<String, Object> metrics = new LinkedHashMap<>(trained.metrics());
        metrics.putAll(DetectionRates.measure(trained.detector(), victim, data.test().firstImages(plan.evaluationImages()),
                        data.test().firstLabels(plan.evaluationImages()), DetectionRates.everyEditKind(plan.epsilon()))
                .withEdits("Players' edits (held-out players)", trained.detector(), PlayedEdits.edited(played.heldOut()))
                .asMetrics());
        return new TrainedDetector(trained.detector(), trained.network(), metrics);
    }

    /** Writes {@code network.zip} and {@code metrics.json} under {@code root/<dataset>-detector/vN/}. */
    public static Path save(TrainedDetector trained, Path root) {
        int version = ((Number) trained.metrics().get("version")).intValue();
        Path folder = root.resolve(AdversarialDetector.folder(trained.detector().dataset(), version));
        try {
            Files.createDirectories(folder);
            ModelSerializer.writeModel(trained.network(), folder.resolve("network.zip").toFile(), false);
            JSON.writeValue(folder.resolve("metrics.json").toFile(), trained.metrics());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the detector to " + folder, e);
        }
        return folder;
    }

    /**
     * The gradient attacks a player's machine opponent uses on the plain classifier: FGSM at ε/3, 2ε/3 and ε,
     * PGD-10 at ε/2 and ε (full-strength iterates); with hand edits, the training players after them.
     */
    static List<Attack<? super DifferentiableClassifier>> trainingAttacks(Plan plan) {
        float epsilon = plan.epsilon();
        List<Attack<? super DifferentiableClassifier>> attacks = new ArrayList<>(List.of(GradientAttack.fgsm(epsilon / 3),
                GradientAttack.fgsm(2 * epsilon / 3), GradientAttack.fgsm(epsilon),
                GradientAttack.pgd(Norm.LINF, epsilon / 2, 10).toTheEnd(), GradientAttack.pgd(Norm.LINF, epsilon, 10).toTheEnd()));
        if (plan.handEdits()) {
            attacks.addAll(SimulatedPlayers.training(epsilon));
        }
        return attacks;
    }

    /** One attacked copy of each image, the attacks taking turns by batches of 250 (a failed search's last edit included). */
    private static float[][] trainingAdversarials(DifferentiableClassifier victim, float[][] clean, int[] labels,
            List<Attack<? super DifferentiableClassifier>> attacks) {
        float[][] attacked = new float[clean.length][];
        int batch = 250;
        for (int from = 0; from < clean.length; from += batch) {
            int to = Math.min(clean.length, from + batch);
            Attack<? super DifferentiableClassifier> attack = seeded(attacks.get((from / batch) % attacks.size()), from);
            float[][] images = java.util.Arrays.copyOfRange(clean, from, to);
            List<AttackGoal> goals = new ArrayList<>();
            for (int i = from; i < to; i++) {
                goals.add(AttackGoal.untargeted(labels[i]));
            }
            List<AttackResult> results = attack.attack(victim, images, goals);
            for (int i = from; i < to; i++) {
                attacked[i] = results.get(i - from).adversarial();
            }
        }
        return attacked;
    }

    private static Attack<? super DifferentiableClassifier> seeded(Attack<? super DifferentiableClassifier> attack, long seed) {
        return attack instanceof GradientAttack gradient ? gradient.withSeed(seed) : attack;
    }

    private static float[][] concat(float[][] first, float[][] second) {
        float[][] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
