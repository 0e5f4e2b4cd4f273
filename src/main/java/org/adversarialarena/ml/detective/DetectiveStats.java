package org.adversarialarena.ml.detective;

import java.util.List;
import org.adversarialarena.ml.data.DatasetId;

/**
 * What the status panel shows of a live detective.
 *
 * @param version           1 when it goes live from the GAN's D, +1 for every accepted training step
 * @param forgeriesSeen     forgeries judged since it went live (over all restarts: kept with its checkpoints)
 * @param catchRate         share of the last {@code recentForgeries} forgeries it judged fake (&lt; 0.5); NaN before any
 *                          (the window is kept with its checkpoints)
 * @param recentForgeries   how many forgeries the catch rate counts
 * @param realAccuracy      share of held-out real images it judges real, after its last accepted step
 * @param rollbacks         training steps undone by the health check (over all restarts)
 * @param lossCurve         D's training loss per accepted step, oldest first (the last few hundred)
 */
public record DetectiveStats(DatasetId dataset, long version, long forgeriesSeen, double catchRate, int recentForgeries,
        double realAccuracy, int rollbacks, List<Double> lossCurve) {

    public DetectiveStats {
        lossCurve = List.copyOf(lossCurve);
    }
}
