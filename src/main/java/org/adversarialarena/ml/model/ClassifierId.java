package org.adversarialarena.ml.model;

import org.adversarialarena.ml.data.DatasetId;

/**
 * Names one trained classifier: dataset, architecture and version, e.g. {@code mnist-lenet} v1,
 * shipped under {@code /models/mnist-lenet/v1/}.
 */
public record ClassifierId(DatasetId dataset, ClassifierArchitecture architecture, int version) {

    public ClassifierId {
        if (version < 1) {
            throw new IllegalArgumentException("Model versions start at 1, was " + version);
        }
    }

    /** Parses {@code mnist-lenet} or {@code fashion-mnist-mlp}; the version is given separately. */
    public static ClassifierId parse(String name, int version) {
        int dash = name.lastIndexOf('-');
        if (dash <= 0) {
            throw new IllegalArgumentException("A model name is <dataset>-<architecture>, like mnist-lenet; was '" + name + "'");
        }
        return new ClassifierId(DatasetId.fromSlug(name.substring(0, dash)),
                ClassifierArchitecture.fromSlug(name.substring(dash + 1)), version);
    }

    public String name() {
        return dataset.slug() + "-" + architecture.slug();
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
