package org.adversarialarena.ml.model;

import java.util.function.BiFunction;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;

/** The classifier architectures the arena trains; each takes flat rows of 784 pixels and gives 10 probabilities. */
public enum ClassifierArchitecture {
    /** The CNN of every game's open model (and of the DL4J-vs-PyTorch benchmark). */
    LENET("lenet", LeNet::configuration, 1e-3),
    /** The dense network hidden behind black-box levels. */
    MLP("mlp", Mlp::configuration, 1e-3);

    private final String slug;
    private final BiFunction<Long, ISchedule, MultiLayerConfiguration> configuration;
    private final double learningRate;

    ClassifierArchitecture(String slug, BiFunction<Long, ISchedule, MultiLayerConfiguration> configuration,
            double learningRate) {
        this.slug = slug;
        this.configuration = configuration;
        this.learningRate = learningRate;
    }

    public String slug() {
        return slug;
    }

    public double defaultLearningRate() {
        return learningRate;
    }

    public MultiLayerNetwork newNetwork(long seed) {
        return newNetwork(seed, learningRate);
    }

    public MultiLayerNetwork newNetwork(long seed, double learningRate) {
        return newNetwork(seed, new FixedSchedule(learningRate));
    }

    public MultiLayerNetwork newNetwork(long seed, ISchedule learningRate) {
        return Networks.create(configuration.apply(seed, learningRate));
    }

    public static ClassifierArchitecture fromSlug(String slug) {
        for (ClassifierArchitecture architecture : values()) {
            if (architecture.slug.equals(slug)) {
                return architecture;
            }
        }
        throw new IllegalArgumentException("Unknown architecture '" + slug + "'; known: lenet, mlp");
    }
}
