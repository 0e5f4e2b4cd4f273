package org.adversarialarena.ml.train;

import java.util.Random;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.adversarialarena.ml.serve.LogitObjective;
import org.adversarialarena.ml.serve.ObjectiveGradients;
import org.adversarialarena.ml.serve.Softmax;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * TRADES (Zhang et al., ICML 2019) as a {@link BatchTransform}: the loss CE(f(x), y) + β·KL(f(x) ‖ f(x′)),
 * with x′ found by PGD on that KL term inside the ε-ball (from x plus tiny Gaussian noise, step
 * ε/4 as in the paper's MNIST setting scaled to the step count). The batch becomes [x; x′] with targets
 * [one-hot y; f(x)] and per-example weights [1; β] (DL4J's label mask), so the plain cross-entropy
 * layer computes both terms: on the adversarial half, cross-entropy against the soft targets f(x) is
 * KL(f(x) ‖ f(x′)) plus a constant. One simplification against the paper: f(x) is held fixed in the
 * KL term (no gradient through the clean side), which keeps the plain training loop unchanged.
 */
public final class TradesBatches implements BatchTransform {

    private final ClassifierPool attacked;
    private final float epsilon;
    private final int steps;
    private final float beta;
    private final Random random;

    public TradesBatches(MultiLayerNetwork trainee, float epsilon, int steps, float beta, long seed) {
        if (!(beta > 0f && Float.isFinite(beta))) {
            throw new IllegalArgumentException("TRADES' β must be a positive number, was " + beta);
        }
        if (!(epsilon > 0f && epsilon <= 1f) || steps < 1) {
            throw new IllegalArgumentException("TRADES needs ε in (0, 1] and at least one step; got ε=" + epsilon
                    + ", steps=" + steps);
        }
        this.attacked = new ClassifierPool(trainee, 1);
        this.epsilon = epsilon;
        this.steps = steps;
        this.beta = beta;
        this.random = new Random(seed);
    }

    @Override
    public DataSet apply(DataSet batch, MultiLayerNetwork network, int epoch) {
        attacked.copyParametersFrom(network);
        float[][] clean = batch.getFeatures().toFloatMatrix();
        int n = clean.length;
        float[][] cleanProbabilities = attacked.probabilities(clean);
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            x[i] = clean[i].clone();
            for (int p = 0; p < x[i].length; p++) {
                x[i][p] = Math.clamp(x[i][p] + 0.001f * (float) random.nextGaussian(), 0f, 1f);
            }
        }
        float stepSize = Math.max(epsilon / 4, 2.5f * epsilon / steps);
        for (int step = 0; step < steps; step++) {
            ObjectiveGradients pass = attacked.gradients(x, klFrom(cleanProbabilities));
            for (int i = 0; i < n; i++) {
                float[] gradient = pass.inputGradients()[i];
                for (int p = 0; p < x[i].length; p++) {
                    float moved = x[i][p] + stepSize * Math.signum(gradient[p]);
                    x[i][p] = Math.clamp(Math.clamp(moved, clean[i][p] - epsilon, clean[i][p] + epsilon), 0f, 1f);
                }
            }
        }
        INDArray features = Nd4j.vstack(batch.getFeatures(), Nd4j.create(x).castTo(batch.getFeatures().dataType()));
        INDArray targets = Nd4j.vstack(batch.getLabels(),
                Nd4j.create(cleanProbabilities).castTo(batch.getLabels().dataType()));
        float[][] weights = new float[2 * n][1];
        for (int i = 0; i < 2 * n; i++) {
            weights[i][0] = i < n ? 1f : beta;
        }
        return new DataSet(features, targets, null, Nd4j.create(weights).castTo(batch.getLabels().dataType()));
    }

    /** KL(p ‖ softmax(z)) for fixed p: value Σ p·log(p/q), gradient with respect to z is q − p. */
    static LogitObjective klFrom(float[][] p) {
        return (logits, example, gradient) -> {
            float[] q = Softmax.of(logits);
            float value = 0;
            for (int k = 0; k < q.length; k++) {
                gradient[k] = q[k] - p[example][k];
                if (p[example][k] > 0) {
                    value += (float) (p[example][k] * Math.log(p[example][k] / Math.max(q[k], 1e-30f)));
                }
            }
            return value;
        };
    }

    @Override
    public String toString() {
        return "TRADES PGD-" + steps + " ε=" + epsilon + " β=" + beta;
    }
}
