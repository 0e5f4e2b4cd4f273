package org.adversarialarena.ml.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.adversarialarena.ml.fastpath.FastPath;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where every network of the app is created, loaded or copied, so that each comes {@link FastPath tuned}
 * (DL4J keeps the fast layers per layer instance: a clone or a loaded file starts without them).
 *
 * <p>By default a network also keeps each forward pass for the backward pass that follows
 * ({@link FastPath#tuneWithForwardCache}): right for networks used through {@code output}, {@code fit} and
 * {@code calculateGradients}. The {@code WithoutForwardCache} variants are for networks whose backward
 * pass is driven on its own ({@code backpropGradient}), like a GAN's generator.
 */
public final class Networks {

    private Networks() {
    }

    /** A new, initialised network of {@code configuration}. */
    public static MultiLayerNetwork create(MultiLayerConfiguration configuration) {
        return FastPath.tuneWithForwardCache(initialised(configuration));
    }

    public static MultiLayerNetwork createWithoutForwardCache(MultiLayerConfiguration configuration) {
        return FastPath.tune(initialised(configuration));
    }

    /** A network saved by DL4J's {@link ModelSerializer}, with its updater state if {@code withUpdater}. */
    public static MultiLayerNetwork load(InputStream in, boolean withUpdater) throws IOException {
        return FastPath.tuneWithForwardCache(ModelSerializer.restoreMultiLayerNetwork(in, withUpdater));
    }

    public static MultiLayerNetwork loadWithoutForwardCache(InputStream in, boolean withUpdater) throws IOException {
        return FastPath.tune(ModelSerializer.restoreMultiLayerNetwork(in, withUpdater));
    }

    /**
     * A network of {@code configuration} with {@code parameters}, and the updater's state if there is one:
     * what a raw checkpoint holds.
     */
    public static MultiLayerNetwork restoreWithoutForwardCache(MultiLayerConfiguration configuration,
            INDArray parameters, @Nullable INDArray updaterState) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init(parameters, false);
        if (updaterState != null) {
            network.getUpdater().setStateViewArray(network, updaterState, false);
        }
        return FastPath.tune(network);
    }

    /** An independent copy (weights, updater state), with or without the forward cache as {@code network}. */
    public static MultiLayerNetwork copy(MultiLayerNetwork network) {
        return copy(network, copy -> { });
    }

    /**
     * A copy whose configuration {@code edit} changes before it is tuned: tuning gives some layers
     * their own copy of their configuration, which later edits of the network's would not reach.
     */
    public static MultiLayerNetwork copy(MultiLayerNetwork network, Consumer<MultiLayerNetwork> edit) {
        MultiLayerNetwork copy = network.clone();
        edit.accept(copy);
        boolean forwardCache = network.getLayerWiseConfigurations().getCacheMode() == CacheMode.DEVICE;
        return forwardCache ? FastPath.tuneWithForwardCache(copy) : FastPath.tune(copy);
    }

    private static MultiLayerNetwork initialised(MultiLayerConfiguration configuration) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }
}
