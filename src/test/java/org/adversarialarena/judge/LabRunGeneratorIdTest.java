package org.adversarialarena.judge;

import static org.assertj.core.api.Assertions.assertThat;

import org.adversarialarena.ml.data.DatasetId;
import org.junit.jupiter.api.Test;

/** A Lab run's generator id carries its dataset and run, and no other generator's id reads as a Lab run. */
class LabRunGeneratorIdTest {

    @Test
    void aLabRunsIdNamesItsRunAndOtherIdsNameNone() {
        assertThat(Generator.labRunId(DatasetId.FASHION_MNIST, 42)).isEqualTo("fashion-mnist-lab-run-42");
        assertThat(Generator.labRunOf("fashion-mnist-lab-run-42")).hasValue(42);
        assertThat(Generator.labRunOf("mnist-cgan-v2")).isEmpty();
        assertThat(Generator.labRunOf("mnist-forge-crowd")).isEmpty();
        assertThat(Generator.labRunOf("mnist-lab-run-x")).isEmpty();
        assertThat(Generator.isCrowd(Generator.labRunId(DatasetId.MNIST, 7))).isFalse();
    }
}
