package org.adversarialarena.jobs;

import java.util.Map;

/** One point of a run's curves: D's loss, G's error signal and the meters at a step. */
public record RunProgressPoint(int step, double discriminatorLoss, double generatorSignal, Map<String, Double> metrics) {

    public RunProgressPoint {
        metrics = Map.copyOf(metrics);
    }
}
