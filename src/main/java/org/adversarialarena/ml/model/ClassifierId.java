package org.adversarialarena.ml.model;

import org.adversarialarena.ml.data.DatasetId;

/**
 * Names one trained classifier: dataset, architecture, training method and version, e.g.
 * {@code mnist-lenet} v1 (plain) or {@code mnist-lenet-madry} v1 (adversarially trained), shipped
 * under {@code /models/<name>/v1/}.
 */
public record ClassifierId(DatasetId dataset, ClassifierArchitecture architecture, TrainingMethod method, int version) {

    public ClassifierId {
        if (version < 1) {
            throw new IllegalArgumentException("Model versions start at 1, was " + version);
        }
    }

    /** A plainly trained classifier. */
    public ClassifierId(DatasetId dataset, ClassifierArchitecture architecture, int version) {
        this(dataset, architecture, TrainingMethod.STANDARD, version);
    }

    /**
     * Parses {@code mnist-lenet}, {@code fashion-mnist-mlp} or {@code mnist-lenet-madry}; the version
     * is given separately.
     */
    public static ClassifierId parse(String name, int version) {
        TrainingMethod method = TrainingMethod.STANDARD;
        String rest = name;
        for (TrainingMethod candidate : TrainingMethod.values()) {
            if (candidate != TrainingMethod.STANDARD && name.endsWith("-" + candidate.slug())) {
                method = candidate;
                rest = name.substring(0, name.length() - candidate.slug().length() - 1);
            }
        }
        int dash = rest.lastIndexOf('-');
        if (dash <= 0) {
            throw new IllegalArgumentException("A model name is <dataset>-<architecture>[-<method>], like mnist-lenet or "
                    + "mnist-lenet-madry; was '" + name + "'");
        }
        return new ClassifierId(DatasetId.fromSlug(rest.substring(0, dash)),
                ClassifierArchitecture.fromSlug(rest.substring(dash + 1)), method, version);
    }

    /** The same model at {@code other} version. */
    public ClassifierId withVersion(int other) {
        return new ClassifierId(dataset, architecture, method, other);
    }

    public String name() {
        String plain = dataset.slug() + "-" + architecture.slug();
        return method == TrainingMethod.STANDARD ? plain : plain + "-" + method.slug();
    }

    /** The folder of this model's files, relative to a models root. */
    public String folder() {
        return name() + "/v" + version;
    }

    @Override
    public String toString() {
        return name() + " v" + version;
    }
}
