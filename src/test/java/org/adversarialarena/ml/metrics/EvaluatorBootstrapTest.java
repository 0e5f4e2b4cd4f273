package org.adversarialarena.ml.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EvaluatorBootstrapTest {

    private final EvaluatorBootstrap bootstrap = new EvaluatorBootstrap(2_000, 0.95, 1);

    @Test
    void evaluatorsWhoAllAgreeLeaveNoUncertainty() {
        RateInterval interval = bootstrap.pooledRate(new long[] {3, 6, 9}, new long[] {10, 20, 30});

        assertThat(interval.rate()).isEqualTo(0.3);
        assertThat(interval.low()).isEqualTo(0.3);
        assertThat(interval.high()).isEqualTo(0.3);
        assertThat(interval.trials()).isEqualTo(60);
        assertThat(interval.evaluators()).isEqualTo(3);
    }

    @Test
    void twoOppositeEvaluatorsSpanEverythingBetweenThem() {
        // Resamples pool {0, 0}, {0, 1} or {1, 1} evaluators: rates 0, 0.5, 1 with chances 1/4, 1/2, 1/4,
        // so the 2.5 % and 97.5 % quantiles are 0 and 1.
        RateInterval interval = bootstrap.pooledRate(new long[] {0, 10}, new long[] {10, 10});

        assertThat(interval.rate()).isEqualTo(0.5);
        assertThat(interval.low()).isZero();
        assertThat(interval.high()).isEqualTo(1);
    }

    @Test
    void manyEvaluatorsGiveTheNormalApproximationsWidth() {
        // 100 evaluators of 10 answers, half fooled 2 times, half 8 times: per-evaluator rates have
        // a standard deviation of 0.3, so the pooled rate's standard error is 0.03 and the 95 %
        // interval about 0.5 ± 1.96 × 0.03.
        long[] hits = new long[100];
        long[] trials = new long[100];
        Arrays.fill(trials, 10);
        for (int i = 0; i < hits.length; i++) {
            hits[i] = i % 2 == 0 ? 2 : 8;
        }

        RateInterval interval = bootstrap.pooledRate(hits, trials);

        assertThat(interval.rate()).isEqualTo(0.5);
        assertThat(interval.low()).isCloseTo(0.5 - 1.96 * 0.03, within(0.01));
        assertThat(interval.high()).isCloseTo(0.5 + 1.96 * 0.03, within(0.01));
    }

    @Test
    void theSameCountsAndSeedGiveTheSameInterval() {
        long[] hits = {1, 4, 7, 2};
        long[] trials = {9, 9, 9, 9};

        assertThat(bootstrap.pooledRate(hits, trials)).isEqualTo(new EvaluatorBootstrap(2_000, 0.95, 1).pooledRate(hits, trials));
    }

    @Test
    void evaluatorsWithoutAnswersAreLeftOutAndNoneGiveAnEmptyInterval() {
        assertThat(bootstrap.pooledRate(new long[] {0, 5}, new long[] {0, 10}).evaluators()).isEqualTo(1);
        assertThat(bootstrap.pooledRate(new long[] {}, new long[] {}).isEmpty()).isTrue();
        assertThatThrownBy(() -> bootstrap.pooledRate(new long[] {11}, new long[] {10}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentilesFollowTheNearestRankRule() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

        assertThat(EvaluatorBootstrap.percentile(sorted, 0.025)).isEqualTo(1);
        assertThat(EvaluatorBootstrap.percentile(sorted, 0.5)).isEqualTo(5);
        assertThat(EvaluatorBootstrap.percentile(sorted, 0.975)).isEqualTo(10);
    }
}
