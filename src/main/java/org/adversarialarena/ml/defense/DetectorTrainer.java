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

    /** Settings of one run; {@code epsilon} is the dataset's standard L∞ budget (0.3 MNIST, 0.1 Fashion-MNIST). */
    public record Plan(int trainImages, int epochs, int batchSize, double learningRate, float epsilon, long seed,
            int evaluationImages) {
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
        long started = System.nanoTime();
        int n = Math.min(plan.trainImages(), data.train().size());
        float[][] clean = data.train().firstImages(n);
        int[] labels = data.train().firstLabels(n);
        float[][] attacked = trainingAdversarials(victim, clean, labels, plan.epsilon());
        log.accept(String.format(java.util.Locale.ROOT, "%d adversarial training images in %.0f s", n,
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
        metrics.put("version", 1);
        metrics.put("dataset", data.test().dataset().slug());
        metrics.put("trainImages", 2 * n);
        metrics.put("trainingAttacks", List.of("FGSM ε/3, 2ε/3, ε", "PGD-10 ε/2, ε (full iterates)"));
        metrics.put("epsilon", plan.epsilon());
        metrics.put("epochs", plan.epochs());
        metrics.put("batchSize", plan.batchSize());
        metrics.put("learningRate", plan.learningRate());
        metrics.put("seed", plan.seed());
        metrics.put("threshold", AdversarialDetector.DEFAULT_THRESHOLD);
        metrics.put("parameters", network.numParams());
        metrics.put("trainingSeconds", trainingSeconds);
        metrics.putAll(DetectionRates.measure(detector, victim, data.test().firstImages(plan.evaluationImages()),
                data.test().firstLabels(plan.evaluationImages()), plan.epsilon()).asMetrics());
        metrics.put("trainedAt", Instant.now().toString());
        return new TrainedDetector(detector, network, metrics);
    }

    /** Writes {@code network.zip} and {@code metrics.json} under {@code root/<dataset>-detector/v1/}. */
    public static Path save(TrainedDetector trained, Path root) {
        Path folder = root.resolve(AdversarialDetector.folder(trained.detector().dataset(), 1));
        try {
            Files.createDirectories(folder);
            ModelSerializer.writeModel(trained.network(), folder.resolve("network.zip").toFile(), false);
            JSON.writeValue(folder.resolve("metrics.json").toFile(), trained.metrics());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the detector to " + folder, e);
        }
        return folder;
    }

    private static float[][] trainingAdversarials(DifferentiableClassifier victim, float[][] clean, int[] labels, float epsilon) {
        List<GradientAttack> attacks = List.of(GradientAttack.fgsm(epsilon / 3), GradientAttack.fgsm(2 * epsilon / 3),
                GradientAttack.fgsm(epsilon), GradientAttack.pgd(Norm.LINF, epsilon / 2, 10).toTheEnd(),
                GradientAttack.pgd(Norm.LINF, epsilon, 10).toTheEnd());
        float[][] attacked = new float[clean.length][];
        int batch = 250;
        for (int from = 0; from < clean.length; from += batch) {
            int to = Math.min(clean.length, from + batch);
            GradientAttack attack = attacks.get((from / batch) % attacks.size()).withSeed(from);
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

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
