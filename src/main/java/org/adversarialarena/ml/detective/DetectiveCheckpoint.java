package org.adversarialarena.ml.detective;

import java.util.List;
import org.adversarialarena.ml.data.DatasetId;

/**
 * A detective as it can be stored and resumed: its discriminator with updater state (a DL4J
 * {@code ModelSerializer} zip) and the counters that belong to it.
 */
public record DetectiveCheckpoint(DatasetId dataset, long version, long forgeriesSeen, byte[] network,
        List<Double> lossCurve) {

    public DetectiveCheckpoint {
        if (version < 1 || forgeriesSeen < 0 || network.length == 0) {
            throw new IllegalArgumentException("A checkpoint needs a version >= 1, a count >= 0 and a network");
        }
        lossCurve = List.copyOf(lossCurve);
    }
}
