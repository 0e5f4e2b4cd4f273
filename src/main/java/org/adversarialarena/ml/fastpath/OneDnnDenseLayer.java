package org.adversarialarena.ml.fastpath;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's dense layer, with two costs of its forward pass removed. DL4J's backward pass computes the
 * layer's pre-activation {@code x·W + b} a second time (the forward pass turned it into the
 * activation in place); this layer keeps a copy from the training forward pass and hands it to the
 * backward pass that follows, which in the GAN's iteration saves a quarter of all its
 * floating-point work (docs/benchmarks.md). And ND4J's {@code mmuli} computes into a temporary
 * column-major matrix and copies it into DL4J's row-major one; this layer multiplies straight into
 * it through {@link OneDnnGemm}.
 *
 * <p>The kept copy is used only by a backward pass whose input is the very array the forward pass
 * read (after dropout, if the layer has it), and only once. Layers with weight noise, layer
 * normalisation or a mask keep DL4J's own path, whose passes differ in more than this. Not thread-safe, like the
 * DL4J layer it is.
 */
final class OneDnnDenseLayer extends DenseLayer {

    private INDArray keptPreActivation;
    private INDArray keptFor;

    OneDnnDenseLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop,
            LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(forBackprop);
        if (!plain()) {
            return super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
        }
        // As DL4J's own: the backward pass finds the input already dropped out and keeps it.
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray weights = getParam(DefaultParamInitializer.WEIGHT_KEY);
        if (input.rank() != 2 || input.columns() != weights.rows() || input.dataType() != weights.dataType()) {
            return super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
        }
        if (forBackprop && keptFor == input) {
            keptFor = null;
            return new Pair<>(keptPreActivation, keptPreActivation);
        }
        INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, weights.dataType(), input.size(0), weights.size(1));
        if (!OneDnnGemm.multiply(input, false, weights, false, z, 1, 0)) {
            input.mmuli(weights, z);
        }
        if (hasBias()) {
            z.addiRowVector(getParam(DefaultParamInitializer.BIAS_KEY));
        }
        if (training && !forBackprop) {
            keep(z);
        }
        return new Pair<>(z, z);
    }

    @Override
    public void clear() {
        super.clear();
        keptFor = null;
    }

    /** Whether a training forward pass has left a pre-activation that the next backward pass will use. */
    boolean keepsPreActivation() {
        return keptFor != null;
    }

    /** Whether the forward pass is just {@code x·W + b}, the same in both passes. */
    private boolean plain() {
        var dense = layerConf();
        return dense.getWeightNoise() == null && !hasLayerNorm() && maskArray == null;
    }

    /** Copies {@code z} into memory of this layer's own: a workspace may be closed or reused before the backward pass. */
    private void keep(INDArray z) {
        if (keptPreActivation == null || !Arrays.equals(keptPreActivation.shape(), z.shape())) {
            keptPreActivation = Nd4j.createUninitializedDetached(z.dataType(), 'c', z.shape());
        }
        keptPreActivation.assign(z);
        keptFor = input;
    }
}
