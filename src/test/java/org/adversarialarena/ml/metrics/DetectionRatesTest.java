package org.adversarialarena.ml.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DetectionRatesTest {

    @Test
    void ratesAreReadFromTheFourCounts() {
        // 8 fakes: 6 called fake; 12 reals: 9 called real.
        DetectionRates rates = new DetectionRates(6, 2, 9, 3);

        assertThat(rates.answers()).isEqualTo(20);
        assertThat(rates.accuracy()).hasValue(15.0 / 20);
        assertThat(rates.sensitivity()).hasValue(6.0 / 8);
        assertThat(rates.specificity()).hasValue(9.0 / 12);
        assertThat(rates.fooledRate()).hasValue(2.0 / 8);
    }

    @Test
    void answersAddUpOneByOne() {
        DetectionRates rates = DetectionRates.NONE.plus(true, true).plus(true, false).plus(false, false).plus(false, true);

        assertThat(rates).isEqualTo(new DetectionRates(1, 1, 1, 1));
    }

    @Test
    void aRateWithNothingToCountIsEmpty() {
        DetectionRates onlyReals = DetectionRates.NONE.plus(false, false);

        assertThat(onlyReals.specificity()).hasValue(1.0);
        assertThat(onlyReals.sensitivity()).isEmpty();
        assertThat(onlyReals.fooledRate()).isEmpty();
        assertThat(DetectionRates.NONE.accuracy()).isEmpty();
    }
}
