package org.adversarialarena.fool;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.defense.AdversarialDetector;
import org.springframework.stereotype.Component;

/**
 * The detector the Sentinel level puts in front of the classifier: the shipped
 * {@code <dataset>-detector} network, loaded once per dataset. Where none is shipped, the level
 * reports itself unavailable rather than pretending to guard anything.
 */
@Component
class SentinelDetector {

    private final Map<DatasetId, Optional<AdversarialDetector>> detectors = new ConcurrentHashMap<>();

    boolean available(DatasetId dataset) {
        return detector(dataset).isPresent();
    }

    /** The detector's probability that {@code image} is adversarial; it flags at its threshold. */
    double adversarialProbability(DatasetId dataset, float[] image) {
        return require(dataset).adversarialProbability(image);
    }

    double threshold(DatasetId dataset) {
        return require(dataset).threshold();
    }

    private AdversarialDetector require(DatasetId dataset) {
        return detector(dataset).orElseThrow(
                () -> new IllegalStateException("No adversarial-example detector is shipped for " + dataset.slug()));
    }

    private Optional<AdversarialDetector> detector(DatasetId dataset) {
        return detectors.computeIfAbsent(dataset, key -> AdversarialDetector.isShipped(key)
                ? Optional.of(AdversarialDetector.loadShipped(key)) : Optional.empty());
    }
}
