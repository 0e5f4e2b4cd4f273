package org.adversarialarena.jobs;

import java.time.Instant;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.gan.GanArchitecture;
import org.adversarialarena.ml.gan.GanLoss;
import org.jspecify.annotations.Nullable;

/**
 * A finished GAN run an instructor promoted: what a game or workshop needs to offer it and load it.
 *
 * @param runId        load its networks with {@link PromotedGenerators#load}
 * @param promotedBy   the instructor's account id (workshops show an instructor their own)
 * @param conditional  whether G takes a class (an unconditional one is always asked for class 0)
 * @param frechetDistance its last classifier-based FID, if measured, with the real-vs-real baseline
 */
public record PromotedGenerator(long runId, long promotedBy, Instant promotedAt, DatasetId dataset,
        GanArchitecture architecture, GanLoss loss, boolean conditional, int latentSize, int steps,
        @Nullable Double frechetDistance, @Nullable Double frechetDistanceBaseline) {
}
