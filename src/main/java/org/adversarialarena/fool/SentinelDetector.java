package org.adversarialarena.fool;

import org.adversarialarena.ml.data.DatasetId;
import org.springframework.stereotype.Component;

/**
 * The detector the Sentinel level puts in front of the classifier. No adversarial-example detector
 * is shipped yet, so the level reports itself unavailable rather than pretending to guard anything;
 * when one ships, this is the one place that loads and asks it.
 */
@Component
class SentinelDetector {

    boolean available(DatasetId dataset) {
        return false;
    }

    /** Whether the detector takes {@code image} for an adversarial example. */
    boolean flags(DatasetId dataset, float[] image) {
        throw new IllegalStateException("No adversarial-example detector is shipped for " + dataset.slug());
    }
}
