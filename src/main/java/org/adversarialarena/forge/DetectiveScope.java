package org.adversarialarena.forge;

import org.adversarialarena.ml.data.DatasetId;
import org.jspecify.annotations.Nullable;

/**
 * Whose detective: the dataset's global one (no run), or a workshop run's class detective, which
 * goes live from the global one's latest checkpoint and learns only from that run's forgeries.
 */
public record DetectiveScope(DatasetId dataset, @Nullable Long workshopRunId) {

    public static DetectiveScope global(DatasetId dataset) {
        return new DetectiveScope(dataset, null);
    }

    public static DetectiveScope workshopRun(DatasetId dataset, long runId) {
        return new DetectiveScope(dataset, runId);
    }

    public boolean isGlobal() {
        return workshopRunId == null;
    }

    /** The run in queries that compare {@code coalesce(workshop_run_id, 0)}: 0 for the global detective. */
    long runKey() {
        Long run = workshopRunId;
        return run == null ? 0 : run;
    }

    /** How logs and live notifications name it: the dataset's slug, with the run for a class detective. */
    String key() {
        return isGlobal() ? dataset.slug() : dataset.slug() + "-run-" + workshopRunId;
    }
}
