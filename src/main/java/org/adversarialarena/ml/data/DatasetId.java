package org.adversarialarena.ml.data;

import java.util.List;

/** The datasets the arena plays on. Both have 10 classes of 28×28 grayscale images. */
public enum DatasetId {
    MNIST("mnist", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
    FASHION_MNIST("fashion-mnist", List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot"));

    private final String slug;
    private final List<String> classNames;

    DatasetId(String slug, List<String> classNames) {
        this.slug = slug;
        this.classNames = classNames;
    }

    /** The name used in resource folders, model ids and URLs. */
    public String slug() {
        return slug;
    }

    /** English class names; the UI translates them by {@code dataset.<slug>.class.<index>}. */
    public List<String> classNames() {
        return classNames;
    }

    public int classCount() {
        return classNames.size();
    }

    public static DatasetId fromSlug(String slug) {
        for (DatasetId id : values()) {
            if (id.slug.equals(slug)) {
                return id;
            }
        }
        throw new IllegalArgumentException("Unknown dataset '" + slug + "'; known: mnist, fashion-mnist");
    }
}
