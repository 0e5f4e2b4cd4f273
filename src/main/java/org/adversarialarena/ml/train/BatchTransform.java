package org.adversarialarena.ml.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Rewrites each training batch just before the network learns from it, knowing the network's current
 * state and the epoch: how adversarial training adds its examples to a plain training loop.
 */
@FunctionalInterface
public interface BatchTransform {

    BatchTransform NONE = (batch, network, epoch) -> batch;

    DataSet apply(DataSet batch, MultiLayerNetwork network, int epoch);
}
