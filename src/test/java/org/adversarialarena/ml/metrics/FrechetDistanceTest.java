package org.adversarialarena.ml.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FrechetDistanceTest {

    @Test
    void aSetIsAtDistanceZeroFromItself() {
        INDArray samples = gaussian(500, 6, new double[] {1, 2, 3, 1, 1, 1}, new double[] {0, 0, 0, 0, 0, 0}, 1);
        assertThat(FrechetDistance.between(samples, samples)).isCloseTo(0, within(1e-4));
    }

    @Test
    void diagonalGaussiansMatchTheClosedForm() {
        // For diagonal covariances the distance is Σ (μ₁ − μ₂)² + (σ₁ − σ₂)², up to sampling error.
        double[] sigmaA = {1, 2, 0.5};
        double[] sigmaB = {2, 1, 0.5};
        double[] muA = {0, 0, 0};
        double[] muB = {3, 0, 1};
        double expected = 9 + 1 + (1 + 1 + 0);
        INDArray a = gaussian(200_000, 3, sigmaA, muA, 2);
        INDArray b = gaussian(200_000, 3, sigmaB, muB, 3);

        assertThat(FrechetDistance.between(a, b)).isCloseTo(expected, within(0.1));
    }

    @Test
    void correlatedHighDimensionalSetsAreCloseToThemselvesResampled() {
        Random random = new Random(4);
        INDArray mixing = Nd4j.rand(random.nextLong(), new long[] {40, 40}).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        INDArray a = Nd4j.randn(5L, new long[] {4_000, 40}).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).mmul(mixing);
        INDArray b = Nd4j.randn(6L, new long[] {4_000, 40}).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).mmul(mixing);
        double distance = FrechetDistance.between(a, b);
        // Sampling error only: small next to the sets' total variance (about 530).
        assertThat(distance).isGreaterThanOrEqualTo(0).isLessThan(3);
        assertThat(FrechetDistance.between(a, b.add(1))).isGreaterThan(35);
    }

    @Test
    void largeFeatureSetsLikeAClassifiersPenultimateLayerStayExact() {
        INDArray a = Nd4j.randn(8L, new long[] {600, 256}).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        assertThat(FrechetDistance.between(a, a)).isCloseTo(0, within(0.05));
        INDArray b = Nd4j.randn(9L, new long[] {600, 256}).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        assertThat(FrechetDistance.between(a, b)).isPositive();
    }

    @Test
    void mismatchedSetsAreRefused() {
        assertThatThrownBy(() -> FrechetDistance.between(Nd4j.zeros(5, 3), Nd4j.zeros(5, 4)))
                .hasMessageContaining("same features");
        assertThatThrownBy(() -> FrechetDistance.between(Nd4j.zeros(1, 3), Nd4j.zeros(5, 3)))
                .hasMessageContaining("at least 2");
    }

    private static INDArray gaussian(int n, int d, double[] sigma, double[] mu, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                rows[i][j] = mu[j] + sigma[j] * random.nextGaussian();
            }
        }
        return Nd4j.create(rows);
    }
}
