package org.adversarialarena.judge;

import java.util.OptionalDouble;
import org.adversarialarena.ml.metrics.DetectionRates;

/**
 * A played session's measures: the answers after the warm-up as detection rates, the threshold in
 * timed mode, whether the warm-up was passed, and the points ranked on the Judge board.
 */
public record JudgeResult(JudgeMode mode, DetectionRates rates, OptionalDouble thresholdMs, boolean qualified,
        double points) {
}
