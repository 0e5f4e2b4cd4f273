package org.adversarialarena.ml.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void accuraciesAreReadFromTheCounts() {
        ConfusionMatrix confusion = new ConfusionMatrix(3);
        confusion.add(0, 0);
        confusion.add(0, 0);
        confusion.add(0, 1);
        confusion.add(1, 1);

        assertThat(confusion.total()).isEqualTo(4);
        assertThat(confusion.accuracy()).isEqualTo(0.75);
        assertThat(confusion.perClassAccuracy()[0]).isEqualTo(2.0 / 3);
        assertThat(confusion.perClassAccuracy()[1]).isEqualTo(1.0);
        assertThat(confusion.perClassAccuracy()[2]).isNaN();
        assertThat(confusion.count(0, 1)).isEqualTo(1);
    }
}
