package org.adversarialarena.judge;

import java.util.OptionalDouble;
import org.adversarialarena.ml.metrics.RateInterval;

/**
 * A generator on the Judge ranking: its HYPE∞ (the share of its images qualified players took for
 * real, untimed) with a bootstrap interval over evaluators, and our classifier-based Fréchet distance.
 */
public record GeneratorStanding(String generatorId, String name, RateInterval hype, OptionalDouble frechetDistance) {
}
