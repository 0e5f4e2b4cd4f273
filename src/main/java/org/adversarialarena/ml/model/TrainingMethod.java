package org.adversarialarena.ml.model;

/**
 * How a classifier's weights were trained: plainly, or adversarially (the defenses of the Fool game's
 * Fortress level). The slug becomes the last part of a model name, e.g. {@code mnist-lenet-madry}.
 */
public enum TrainingMethod {
    /** Plain cross-entropy on clean images. */
    STANDARD(""),
    /** The lecture's offline form: clean images plus FGSM examples made once by a fixed, plainly trained model. */
    FGSM_OFFLINE("fgsm"),
    /** The lecture's online form (Madry et al.): clean loss plus the loss on PGD examples of the current network. */
    MADRY("madry"),
    /**
     * Zhang et al.'s TRADES: clean cross-entropy plus β times the KL divergence between the predictions on x
     * and on a PGD point that maximises it, trading a little clean accuracy for smoothness around x.
     */
    TRADES("trades");

    private final String slug;

    TrainingMethod(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static TrainingMethod fromSlug(String slug) {
        for (TrainingMethod method : values()) {
            if (method.slug.equals(slug)) {
                return method;
            }
        }
        throw new IllegalArgumentException("Unknown training method '" + slug + "'; known: fgsm, madry, trades (or none)");
    }
}
