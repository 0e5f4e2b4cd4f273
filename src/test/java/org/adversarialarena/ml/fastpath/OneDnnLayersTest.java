package org.adversarialarena.ml.fastpath;

import static org.adversarialarena.ml.fastpath.TuningFixtures.TOLERANCE;
import static org.adversarialarena.ml.fastpath.TuningFixtures.batch;
import static org.adversarialarena.ml.fastpath.TuningFixtures.plain;
import static org.adversarialarena.ml.fastpath.TuningFixtures.relativeDifference;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.adversarialarena.ml.gan.GanArchitecture;
import org.adversarialarena.ml.gan.GanLoss;
import org.adversarialarena.ml.model.LeNet;
import org.adversarialarena.ml.model.Mlp;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The pooling and dense layers that replace DL4J's, against DL4J's own: same numbers, however they are driven. */
@RequiresFastPath
class OneDnnLayersTest {

    @Test
    void tunedNetworksGetTheReplacementsAndClonesStartWithDl4jsLayers() {
        MultiLayerNetwork leNet = LeNet.newNetwork(1);

        assertThat(classes(leNet)).contains(DirectPoolingLayer.class, OneDnnDenseLayer.class)
                .doesNotContain(SubsamplingLayer.class, DenseLayer.class);
        assertThat(leNet.getLayer(leNet.getLayerNames().get(1))).isSameAs(leNet.getLayer(1));
        assertThat(classes(leNet.clone())).contains(SubsamplingLayer.class, DenseLayer.class);
        assertThat(leNet.clone().getLayerWiseConfigurations().toJson()).isEqualTo(leNet.getLayerWiseConfigurations().toJson());
    }

    @Test
    void leNetPoolsTrainsAndDifferentiatesAsDl4jDoes() {
        assertSameAsDl4j(LeNet.configuration(3, 1e-3));
    }

    @Test
    void theGanDiscriminatorTrainsAndDifferentiatesAsDl4jsDoes() {
        assertSameAsDl4j(GanArchitecture.MLP.discriminator(5, 2e-4, GanLoss.NON_SATURATING));
    }

    @Test
    void aLayerWithDropoutHasDl4jsGradientsWithTheSameMasks() {
        MultiLayerConfiguration configuration = Mlp.configuration(2, 1e-3);
        MultiLayerNetwork dl4j = new MultiLayerNetwork(configuration);
        dl4j.init();
        LayerConfigurationTuning.install(dl4j);
        MultiLayerNetwork tuned = new MultiLayerNetwork(configuration.clone());
        tuned.init();
        FastPath.tune(tuned).setParams(dl4j.params().dup());
        DataSet batch = batch(16, 1, 10);

        for (MultiLayerNetwork network : java.util.List.of(dl4j, tuned)) {
            Nd4j.getRandom().setSeed(100);
            network.setInput(batch.getFeatures());
            network.setLabels(batch.getLabels());
            network.computeGradientAndScore();
        }
        assertThat(relativeDifference(tuned.gradient().gradient(), dl4j.gradient().gradient())).isLessThan(TOLERANCE);
        assertThat(tuned.score()).isCloseTo(dl4j.score(), org.assertj.core.data.Offset.offset(1e-5));
    }

    /**
     * The GAN trainer's generator step: a bare forward pass, then a backward pass of an error signal
     * from outside. Two forward passes first, so that a pre-activation kept from the wrong one would show.
     */
    @Test
    void theGeneratorBackpropagatesAsDl4jsDoesAfterSeveralForwardPasses() {
        MultiLayerConfiguration configuration = GanArchitecture.MLP.generator(5, 2e-4);
        MultiLayerNetwork dl4j = dl4jLayers(configuration);
        MultiLayerNetwork tuned = FastPath.tune(plain(configuration.clone()));
        tuned.setParams(dl4j.params().dup());
        Nd4j.getRandom().setSeed(3);
        INDArray earlier = Nd4j.rand(DataType.FLOAT, 6, GanArchitecture.LATENT_SIZE + 10);
        INDArray latest = Nd4j.rand(DataType.FLOAT, 6, GanArchitecture.LATENT_SIZE + 10);
        INDArray error = Nd4j.rand(DataType.FLOAT, 6, 784).subi(0.5);

        for (MultiLayerNetwork network : java.util.List.of(dl4j, tuned)) {
            network.setInput(earlier);
            network.feedForward(true, false);
            network.setInput(latest);
            network.feedForward(true, false);
        }
        var expected = dl4j.backpropGradient(error.dup(), LayerWorkspaceMgr.noWorkspaces());
        var actual = tuned.backpropGradient(error.dup(), LayerWorkspaceMgr.noWorkspaces());

        assertThat(relativeDifference(actual.getFirst().gradient(), expected.getFirst().gradient())).isLessThan(TOLERANCE);
        assertThat(relativeDifference(actual.getSecond(), expected.getSecond())).isLessThan(TOLERANCE);
    }

    @Test
    void theBackwardPassUsesThePreActivationKeptByTheForwardPassOnce() {
        MultiLayerNetwork network = FastPath.tune(plain(GanArchitecture.MLP.discriminator(5, 2e-4, GanLoss.NON_SATURATING)));
        OneDnnDenseLayer first = (OneDnnDenseLayer) network.getLayer(0);
        DataSet batch = batch(8, 1, 10);

        network.output(batch.getFeatures(), false);
        assertThat(first.keepsPreActivation()).isFalse();
        network.setInput(batch.getFeatures());
        network.feedForward(true, false);
        assertThat(first.keepsPreActivation()).isTrue();
        network.setLabels(batch.getLabels());
        network.computeGradientAndScore();
        assertThat(first.keepsPreActivation()).isFalse();
    }

    /** Training steps, then input gradients and outputs of another batch. */
    private static void assertSameAsDl4j(MultiLayerConfiguration configuration) {
        MultiLayerNetwork dl4j = dl4jLayers(configuration);
        MultiLayerNetwork tuned = FastPath.tune(plain(configuration.clone()));
        tuned.setParams(dl4j.params().dup());

        for (int step = 0; step < 3; step++) {
            DataSet batch = batch(16, step, 10);
            dl4j.fit(batch);
            TrainingSteps.fit(tuned, batch);
        }
        DataSet probe = batch(4, 9, 10);
        // Adam divides by the root of tiny second moments: last-bit differences between oneDNN's kernels for
        // the two layouts of a product (which also vary with the arrays' alignment) reach ~2e-5 in three steps.
        assertThat(relativeDifference(tuned.params(), dl4j.params())).isLessThan(1e-4);
        assertThat(relativeDifference(tuned.calculateGradients(probe.getFeatures(), probe.getLabels(), null, null).getSecond(),
                dl4j.calculateGradients(probe.getFeatures(), probe.getLabels(), null, null).getSecond())).isLessThan(TOLERANCE);
        assertThat(relativeDifference(tuned.output(probe.getFeatures(), false), dl4j.output(probe.getFeatures(), false)))
                .isLessThan(TOLERANCE);
    }

    /** All the tuning but the replaced layers, so that they are the only difference. */
    private static MultiLayerNetwork dl4jLayers(MultiLayerConfiguration configuration) {
        return LayerConfigurationTuning.install(OneDnnConvolution.install(plain(configuration)));
    }

    private static java.util.List<Class<?>> classes(MultiLayerNetwork network) {
        return Arrays.stream(network.getLayers()).<Class<?>>map(Layer::getClass).toList();
    }
}
