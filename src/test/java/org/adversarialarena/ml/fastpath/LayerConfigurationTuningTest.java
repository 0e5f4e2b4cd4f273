package org.adversarialarena.ml.fastpath;

import static org.adversarialarena.ml.fastpath.TuningFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.adversarialarena.ml.gan.GanArchitecture;
import org.adversarialarena.ml.gan.GanLoss;
import org.adversarialarena.ml.model.LeNet;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/** Activations computed by oneDNN and Adam vectorised, against DL4J's own: same values, gradients and training, same files. */
@RequiresFastPath
class LayerConfigurationTuningTest {

    @Test
    void leNetTrainsAndDifferentiatesAsWithDl4jsReLU() {
        assertSameAsDl4j(LeNet.configuration(3, 1e-3), batch(16, 1, 10), batch(3, 2, 10));
    }

    @Test
    void theGanDiscriminatorsLeakyReLUGivesDl4jsGradients() {
        assertSameAsDl4j(GanArchitecture.MLP.discriminator(5, 2e-4, GanLoss.NON_SATURATING), batch(16, 3, 10),
                batch(5, 4, 10));
    }

    @Test
    void eachActivationAndDerivativeIsDl4jsOwn() {
        IActivation[][] pairs = {{new ActivationReLU(), new OneDnnReLU()}, {new ActivationLReLU(0.2), new OneDnnLeakyReLU(0.2)},
                {new ActivationSigmoid(), new OneDnnSigmoid()}};
        for (IActivation[] pair : pairs) {
            INDArray z = Nd4j.randn(DataType.FLOAT, 7, 33);
            INDArray epsilon = Nd4j.randn(DataType.FLOAT, 7, 33);

            assertThat(relativeDifference(pair[1].getActivation(z.dup(), true), pair[0].getActivation(z.dup(), true)))
                    .as("%s", pair[0]).isLessThan(TOLERANCE);
            assertThat(relativeDifference(pair[1].backprop(z.dup(), epsilon.dup()).getFirst(),
                    pair[0].backprop(z.dup(), epsilon.dup()).getFirst())).as("%s", pair[0]).isLessThan(TOLERANCE);
        }
    }

    @Test
    void theNetworksConfigurationStillNamesDl4jsActivations() {
        MultiLayerNetwork network = FastPath.tune(plain(GanArchitecture.MLP.discriminator(5, 2e-4, GanLoss.NON_SATURATING)));

        assertThat(((BaseLayer) network.getLayer(0).conf().getLayer()).getActivationFn()).isInstanceOf(OneDnnLeakyReLU.class);
        String json = network.getLayerWiseConfigurations().toJson();
        assertThat(json).contains(ActivationLReLU.class.getName(), Adam.class.getName()).doesNotContain("OneDnn")
                .doesNotContain("VectorAdam");
        assertThat(network.clone().getLayerWiseConfigurations().toJson()).isEqualTo(json);
    }

    @Test
    void aClonedNetworkKeepsItsAdamStateAndGetsTheVectorisedUpdate() {
        MultiLayerNetwork trained = FastPath.tune(plain(LeNet.configuration(3, 1e-3)));
        trained.fit(batch(8, 5, 10));
        INDArray state = trained.getUpdater().getStateViewArray().dup();

        MultiLayerNetwork copy = FastPath.tune(trained.clone());

        assertThat(copy.getUpdater().getStateViewArray()).isEqualTo(state);
        for (MultiLayerNetwork network : List.of(trained, copy)) {
            for (UpdaterBlock block : ((BaseMultiLayerUpdater<?>) network.getUpdater()).getUpdaterBlocks()) {
                assertThat(block.getGradientUpdater()).isInstanceOf(VectorAdamUpdater.class);
            }
        }
        DataSet next = batch(8, 6, 10);
        trained.fit(next);
        copy.fit(next);
        assertThat(relativeDifference(copy.params(), trained.params())).isLessThan(TOLERANCE);
    }

    @Test
    void arraysThatAreNotOneDenseRunGoDl4jsWay() {
        INDArray preActivation = Nd4j.rand(DataType.FLOAT, 6, 8).subi(0.5);
        INDArray epsilon = Nd4j.rand(DataType.FLOAT, 8, 6).transpose(); // same shape, other layout
        INDArray expected = new ActivationReLU().backprop(preActivation.dup(), epsilon.dup()).getFirst();

        assertThat(OneDnnEltwise.gradient(preActivation, epsilon, OneDnnEltwise.Function.RELU, 0)).isNull();
        assertThat(new OneDnnReLU().backprop(preActivation.dup(), epsilon).getFirst()).isEqualTo(expected);
    }

    private static void assertSameAsDl4j(MultiLayerConfiguration configuration, DataSet training, DataSet probe) {
        // Both with the oneDNN convolutions, so that the activations are the only difference.
        MultiLayerNetwork dl4j = OneDnnConvolution.install(plain(configuration));
        MultiLayerNetwork tuned = FastPath.tune(plain(configuration.clone()));
        tuned.setParams(dl4j.params().dup());
        assertThat(countOneDnnActivations(tuned)).isPositive();

        Pair<?, INDArray> expected = dl4j.calculateGradients(probe.getFeatures(), probe.getLabels(), null, null);
        Pair<?, INDArray> actual = tuned.calculateGradients(probe.getFeatures(), probe.getLabels(), null, null);
        assertThat(relativeDifference(actual.getSecond(), expected.getSecond())).isLessThan(TOLERANCE);

        for (int step = 0; step < 3; step++) {
            dl4j.fit(training);
            tuned.fit(training);
        }
        assertThat(relativeDifference(tuned.params(), dl4j.params())).isLessThan(TOLERANCE);
    }

    private static long countOneDnnActivations(MultiLayerNetwork network) {
        return java.util.Arrays.stream(network.getLayers())
                .filter(layer -> layer.conf().getLayer() instanceof BaseLayer)
                .map(layer -> ((BaseLayer) layer.conf().getLayer()).getActivationFn())
                .filter(activation -> activation instanceof OneDnnReLU || activation instanceof OneDnnLeakyReLU
                        || activation instanceof OneDnnSigmoid)
                .count();
    }
}
