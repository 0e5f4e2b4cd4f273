package org.adversarialarena.lab;

import java.util.List;
import org.adversarialarena.jobs.GanRunSettings;
import org.adversarialarena.jobs.RunProgressPoint;
import org.adversarialarena.jobs.TrainingRun;

/**
 * A Lab run as its page shows it: the run's row, its settings, its curve, its latest samples from
 * the fixed latent vectors and the checkpoints it can be forked from.
 *
 * @param samples       the grid's images (each 784 values in [0, 1]); empty before the first report
 * @param checkpoints   checkpoint steps, newest first
 * @param interpolation the finished generator's images between two fixed latent vectors; empty until it finishes
 */
public record LabSnapshot(TrainingRun run, GanRunSettings settings, List<RunProgressPoint> curve, List<float[]> samples,
        List<Integer> checkpoints, List<float[]> interpolation) {

    public LabSnapshot {
        curve = List.copyOf(curve);
        samples = List.copyOf(samples);
        checkpoints = List.copyOf(checkpoints);
        interpolation = List.copyOf(interpolation);
    }

    public long id() {
        return run.id();
    }
}
