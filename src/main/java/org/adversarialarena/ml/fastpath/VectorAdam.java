package org.adversarialarena.ml.fastpath;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/** DL4J's Adam configuration, with its update computed by {@link VectorAdamUpdater}; same settings, same state layout. */
final class VectorAdam extends Adam {

    VectorAdam(Adam settings) {
        super(settings.getLearningRate(), settings.getBeta1(), settings.getBeta2(), settings.getEpsilon());
        setLearningRateSchedule(settings.getLearningRateSchedule());
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        return new VectorAdamUpdater(this, (AdamUpdater) super.instantiate(viewArray, initializeViewArray));
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        return new VectorAdamUpdater(this, (AdamUpdater) super.instantiate(updaterState, initializeStateArrays));
    }

    @Override
    public Adam clone() {
        return new VectorAdam(this);
    }
}
