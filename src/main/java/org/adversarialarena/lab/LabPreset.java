package org.adversarialarena.lab;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Ready-made settings that each show one of the lecture's points about GAN training (docs/lab.md says
 * what each shows and what to watch). All train the dense GAN on MNIST, which is fast on a CPU.
 */
public enum LabPreset {
    /** The DCGAN paper's recipe: both players improve together, D(x) and D(G(z)) stay near the 0.5 line. */
    HEALTHY(Map.of("loss", "non_saturating", "realLabel", 0.9)),
    /**
     * Goodfellow's original min-max loss without label smoothing: once D tells fakes apart, log(1 − D(G(z)))
     * is flat and G's error signal vanishes, so G stalls while D(G(z)) stays near 0.
     */
    SATURATING(Map.of("loss", "minimax", "realLabel", 1.0, "discriminatorLearningRate", 1e-3)),
    /** k = 5 D steps per G step at five times G's learning rate: D wins, its loss goes to 0 and G learns slowly. */
    STRONG_DISCRIMINATOR(Map.of("discriminatorSteps", 5, "discriminatorLearningRate", 1e-3,
            "generatorLearningRate", 1e-4, "realLabel", 1.0)),
    /**
     * No class given to G or D and a fast G: nothing asks G for every digit, so it may settle on a few;
     * the coverage histogram shows whether it did (the mode-collapse meter).
     */
    MODE_COLLAPSE(Map.of("conditional", false, "generatorLearningRate", 1e-3, "realLabel", 1.0)),
    /** Wasserstein loss with gradient penalty and k = 5: a critic instead of a judge, smoother curves. */
    WGAN_GP(Map.of("loss", "wgan_gp", "discriminatorSteps", 5, "generatorLearningRate", 1e-4,
            "discriminatorLearningRate", 1e-4));

    /** What every preset shares: a short run of the fast dense GAN on MNIST. */
    private static final Map<String, Object> BASE = Map.of("dataset", "mnist", "architecture", "mlp",
            "conditional", true, "batchSize", 64, "latentSize", 64, "steps", 2_000, "seed", 1,
            "discriminatorSteps", 1, "generatorLearningRate", 2e-4, "discriminatorLearningRate", 2e-4);

    private final Map<String, Object> changes;

    LabPreset(Map<String, Object> changes) {
        this.changes = changes;
    }

    /** The preset's settings as named values ({@code GanRunSettings.parse} reads them). */
    public Map<String, Object> settings() {
        Map<String, Object> values = new LinkedHashMap<>(BASE);
        values.putAll(changes);
        return values;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Translation key of its name; {@code .text} after it says what to watch. */
    public String key() {
        return "lab.preset." + slug();
    }
}
