package org.adversarialarena.ml.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.data.ImageSet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;

class ClassifierArchitectureTest {

    @ParameterizedTest
    @EnumSource(ClassifierArchitecture.class)
    void everyArchitectureMapsFlatImagesToTenProbabilities(ClassifierArchitecture architecture) {
        MultiLayerNetwork network = architecture.newNetwork(1);
        ImageSet images = Datasets.load(DatasetId.MNIST).test().subset(0, 5);

        INDArray output = network.output(images.features(), false);

        assertThat(output.shape()).containsExactly(5, 10);
        for (float sum : output.sum(1).toFloatVector()) {
            assertThat(sum).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
        }
    }

    @Test
    void theSameSeedGivesTheSameInitialWeights() {
        assertThat(ClassifierArchitecture.LENET.newNetwork(7).params())
                .isEqualTo(ClassifierArchitecture.LENET.newNetwork(7).params());
    }

    @Test
    void modelNamesParseBackToTheirParts() {
        ClassifierId id = ClassifierId.parse("fashion-mnist-mlp", 2);
        assertThat(id.dataset()).isEqualTo(DatasetId.FASHION_MNIST);
        assertThat(id.architecture()).isEqualTo(ClassifierArchitecture.MLP);
        assertThat(id.folder()).isEqualTo("fashion-mnist-mlp/v2");
        ClassifierId robust = ClassifierId.parse("fashion-mnist-lenet-madry", 1);
        assertThat(robust.dataset()).isEqualTo(org.adversarialarena.ml.data.DatasetId.FASHION_MNIST);
        assertThat(robust.architecture()).isEqualTo(ClassifierArchitecture.LENET);
        assertThat(robust.method()).isEqualTo(TrainingMethod.MADRY);
        assertThat(robust.folder()).isEqualTo("fashion-mnist-lenet-madry/v1");
        assertThat(ClassifierId.parse("mnist-mlp-fgsm", 1).method()).isEqualTo(TrainingMethod.FGSM_OFFLINE);
        assertThatThrownBy(() -> ClassifierId.parse("mnist-resnet", 1)).hasMessageContaining("resnet");
        assertThatThrownBy(() -> ClassifierId.parse("cifar-lenet", 1)).hasMessageContaining("cifar");
        assertThatThrownBy(() -> ClassifierId.parse("mnist-lenet", 0)).hasMessageContaining("start at 1");
    }
}
