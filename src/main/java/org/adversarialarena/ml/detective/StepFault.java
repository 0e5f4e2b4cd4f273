package org.adversarialarena.ml.detective;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Something done to the training copy right after a step's update, before the health check: none in
 * play; in tests and drills, e.g. a NaN written into the weights, to prove the rollback works.
 */
@FunctionalInterface
public interface StepFault {

    StepFault NONE = network -> {
    };

    void afterUpdate(MultiLayerNetwork network);
}
