package org.adversarialarena.ml.serve;

import org.jspecify.annotations.Nullable;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Lets a served network differentiate any {@link LogitObjective}. DL4J only backpropagates from an
 * output layer's loss function, so each served copy gets this one (and an identity activation, so
 * the output layer emits logits): it evaluates the objective set for the current call and hands
 * DL4J the objective's gradient. It also keeps the logits and values it saw, because DL4J's gradient
 * call returns neither, and a second forward pass would cost a quarter of an attack step.
 * Not thread-safe; each copy of a pool has its own and is lent to one caller at a time.
 */
final class ObjectiveLoss implements ILossFunction {

    private transient @Nullable LogitObjective objective;
    private transient float @Nullable [][] logits;
    private transient float @Nullable [] values;

    void prepare(LogitObjective objective) {
        this.objective = objective;
        this.logits = null;
        this.values = null;
    }

    float[][] logits() {
        if (logits == null) {
            throw new IllegalStateException("No gradient was computed since prepare()");
        }
        return logits;
    }

    float[] values() {
        if (values == null) {
            throw new IllegalStateException("No gradient was computed since prepare()");
        }
        return values;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, @Nullable INDArray mask) {
        if (objective == null) {
            throw new IllegalStateException("Served networks are not trained; no objective was set for this gradient");
        }
        float[][] output = activationFn.getActivation(preOutput.dup(), false).toFloatMatrix();
        float[][] gradient = new float[output.length][output[0].length];
        float[] objectiveValues = new float[output.length];
        for (int i = 0; i < output.length; i++) {
            objectiveValues[i] = objective.evaluate(output[i], i, gradient[i]);
        }
        logits = output;
        values = objectiveValues;
        INDArray dObjectiveDOutput = Nd4j.create(gradient).castTo(preOutput.dataType());
        return activationFn.backprop(preOutput.dup(), dObjectiveDOutput).getFirst();
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, @Nullable INDArray mask, boolean average) {
        // DL4J asks for a score only when training or scoring a data set, which served copies never do.
        return 0;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, @Nullable INDArray mask) {
        return Nd4j.zeros(preOutput.dataType(), preOutput.size(0), 1);
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
            @Nullable INDArray mask, boolean average) {
        return Pair.of(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "objective";
    }
}
