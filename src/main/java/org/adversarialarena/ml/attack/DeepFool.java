package org.adversarialarena.ml.attack;

import java.util.List;
import org.adversarialarena.ml.serve.DifferentiableClassifier;
import org.adversarialarena.ml.serve.LogitObjectives;

/**
 * DeepFool, from Moosavi-Dezfooli et al., "DeepFool: a simple and accurate method to fool deep neural
 * networks" (CVPR 2016).
 *
 * <p>Distance measure: L2.
 *
 * <p>A minimal untargeted attack. At each step the classifier is linearised around the current image
 * and the image is moved, just past it, onto the nearest linearised decision boundary:
 * r = (|f_l| / ‖w_l‖²)·w_l with f_l = z_l − z_y and w_l = ∇z_l − ∇z_y for the class l whose boundary
 * is closest. The total step is scaled by (1 + overshoot) so the image actually crosses. It has no
 * budget: its answer is how little change suffices, which is what the game compares the player's
 * edit with.
 *
 * <p>Returns, per image, the first iterate that crosses the boundary, or else the last one.
 *
 * @param maxIterations  linearisation steps per image (default 50, the paper's)
 * @param overshoot      how far past the boundary the total step reaches, in [0, 1] (default 0.02, the paper's)
 */
public record DeepFool(int maxIterations, float overshoot) implements BatchedAttack<DifferentiableClassifier> {

    public DeepFool {
        AttackArguments.requirePositive("iterations", maxIterations);
        if (!(overshoot >= 0f && overshoot <= 1f)) {
            throw new IllegalArgumentException("overshoot must be in [0, 1], was " + overshoot);
        }
    }

    /** The paper's settings: 50 iterations, overshoot 0.02. */
    public static DeepFool standard() {
        return new DeepFool(50, 0.02f);
    }

    @Override
    public String name() {
        return "DeepFool L2";
    }

    @Override
    public List<AttackResult> run(DifferentiableClassifier model, float[][] images, List<AttackGoal> goals, boolean tracing) {
        for (AttackGoal goal : goals) {
            if (goal.isTargeted()) {
                throw new IllegalArgumentException("DeepFool is untargeted: it crosses the nearest boundary, whichever class lies behind it");
            }
        }
        AttackRun run = new AttackRun(name(), model, images, goals, tracing, true);
        float[][] x = new float[run.size()][];
        float[][] totalStep = new float[run.size()][];
        for (int i = 0; i < run.size(); i++) {
            x[i] = run.original(i).clone();
            totalStep[i] = new float[x[i].length];
        }
        ActiveImages.rounds(ActiveImages.all(run.size()), maxIterations + 1,
                (iteration, active) -> Jacobian.of(model, ActiveImages.of(x, active)),
                (iteration, i, a, jacobian) -> {
                    run.countGradient(i);
                    int label = run.goal(i).trueClass();
                    float[] logits = jacobian.logits()[a];
                    if (run.observe(i, x[i], logits, logits[label] - logits[LogitObjectives.strongestOther(logits, label)])
                            || iteration == maxIterations) {
                        return false;
                    }
                    stepTowardsNearestBoundary(jacobian.gradients()[a], logits, label, totalStep[i]);
                    for (int p = 0; p < x[i].length; p++) {
                        x[i][p] = Norm.clip01(run.original(i)[p] + (1f + overshoot) * totalStep[i][p]);
                    }
                    return true;
                });
        return run.results();
    }

    private static void stepTowardsNearestBoundary(float[][] gradients, float[] logits, int label, float[] totalStep) {
        int nearest = -1;
        float nearestDistance = Float.POSITIVE_INFINITY;
        float[] nearestW = null;
        float nearestF = 0;
        for (int k = 0; k < logits.length; k++) {
            if (k == label) {
                continue;
            }
            float[] w = new float[gradients[k].length];
            for (int p = 0; p < w.length; p++) {
                w[p] = gradients[k][p] - gradients[label][p];
            }
            float f = logits[k] - logits[label];
            float length = Norm.length(w);
            float distance = Math.abs(f) / (length + 1e-8f);
            if (distance < nearestDistance) {
                nearest = k;
                nearestDistance = distance;
                nearestW = w;
                nearestF = f;
            }
        }
        if (nearest < 0 || nearestW == null) {
            return;
        }
        float length = Norm.length(nearestW);
        float scale = (Math.abs(nearestF) + 1e-4f) / (length * length + 1e-8f);
        for (int p = 0; p < totalStep.length; p++) {
            totalStep[p] += scale * nearestW[p];
        }
    }
}
