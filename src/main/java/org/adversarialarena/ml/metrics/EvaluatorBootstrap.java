package org.adversarialarena.ml.metrics;

import java.util.Arrays;
import java.util.Random;

/**
 * A percentile bootstrap over evaluators (Efron and Tibshirani, 1993), as HYPE reports its scores
 * (Zhou et al., NeurIPS 2019): each resample draws as many evaluators as there are, with
 * replacement, and pools their counts. Resampling people rather than single answers keeps the
 * interval honest when one person's answers hang together (a sharp judge, a careless one).
 *
 * <p>Seeded, so the same counts always give the same interval.
 */
public final class EvaluatorBootstrap {

    private final int resamples;
    private final double level;
    private final long seed;

    /**
     * @param resamples how many resamples of the evaluators (at least 100)
     * @param level     coverage of the interval, e.g. 0.95
     * @param seed      seeds the resampling
     */
    public EvaluatorBootstrap(int resamples, double level, long seed) {
        if (resamples < 100) {
            throw new IllegalArgumentException("A bootstrap needs at least 100 resamples, not " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("The level lies in (0, 1), was " + level);
        }
        this.resamples = resamples;
        this.level = level;
        this.seed = seed;
    }

    /**
     * The pooled rate {@code sum(hits) / sum(trials)} and its interval; evaluator {@code i} counted
     * {@code hits[i]} of {@code trials[i]}. Evaluators with no trials are left out.
     */
    public RateInterval pooledRate(long[] hits, long[] trials) {
        if (hits.length != trials.length) {
            throw new IllegalArgumentException("One hit count per evaluator's trials");
        }
        int evaluators = 0;
        for (int i = 0; i < hits.length; i++) {
            if (hits[i] < 0 || hits[i] > trials[i]) {
                throw new IllegalArgumentException("Evaluator " + i + " has " + hits[i] + " hits of " + trials[i]);
            }
            evaluators += trials[i] > 0 ? 1 : 0;
        }
        long[] h = new long[evaluators];
        long[] t = new long[evaluators];
        for (int i = 0, j = 0; i < hits.length; i++) {
            if (trials[i] > 0) {
                h[j] = hits[i];
                t[j++] = trials[i];
            }
        }
        if (evaluators == 0) {
            return RateInterval.EMPTY;
        }
        double rate = (double) Arrays.stream(h).sum() / Arrays.stream(t).sum();
        Random random = new Random(seed);
        double[] rates = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            long hitSum = 0;
            long trialSum = 0;
            for (int k = 0; k < evaluators; k++) {
                int pick = random.nextInt(evaluators);
                hitSum += h[pick];
                trialSum += t[pick];
            }
            rates[r] = (double) hitSum / trialSum;
        }
        Arrays.sort(rates);
        double tail = (1 - level) / 2;
        return new RateInterval(rate, percentile(rates, tail), percentile(rates, 1 - tail), Arrays.stream(t).sum(),
                evaluators);
    }

    /** The sorted sample's {@code p}-quantile by the nearest-rank rule. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
