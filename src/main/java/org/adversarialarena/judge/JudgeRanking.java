package org.adversarialarena.judge;

import java.util.List;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.metrics.RateInterval;

/**
 * The Judge page's measures of a dataset's generators, from every qualified, untimed answer:
 * generators by HYPE∞ (most fooling first), classes by how often their fakes fooled, and how often
 * real images were taken for fakes (the other half of the human error rate).
 */
public record JudgeRanking(DatasetId dataset, List<GeneratorStanding> generators, List<ClassStanding> classes,
        RateInterval realsCalledFake) {
}
