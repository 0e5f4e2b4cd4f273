package org.adversarialarena.ml.detective;

import java.util.List;
import org.adversarialarena.ml.data.DatasetId;

/**
 * A detective as it can be stored and resumed: its discriminator with updater state (a DL4J
 * {@code ModelSerializer} zip) and the counters that belong to it, so a restart resumes its record
 * too, not only its weights.
 *
 * @param recentCatches whether it caught each of its latest forgeries (the catch rate's window), oldest first
 * @param rollbacks     training steps its health check has undone
 */
public record DetectiveCheckpoint(DatasetId dataset, long version, long forgeriesSeen, byte[] network,
        List<Double> lossCurve, List<Boolean> recentCatches, int rollbacks) {

    public DetectiveCheckpoint {
        if (version < 1 || forgeriesSeen < 0 || rollbacks < 0 || network.length == 0) {
            throw new IllegalArgumentException("A checkpoint needs a version >= 1, counts >= 0 and a network");
        }
        lossCurve = List.copyOf(lossCurve);
        recentCatches = List.copyOf(recentCatches);
    }

    /** The same network and version with nothing counted yet: a class detective starting from the global one's. */
    public DetectiveCheckpoint withoutCounters() {
        return new DetectiveCheckpoint(dataset, version, 0, network, lossCurve, List.of(), 0);
    }
}
