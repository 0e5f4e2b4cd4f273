package org.adversarialarena.ml.attack;

import java.util.ArrayList;
import java.util.List;
import org.adversarialarena.ml.serve.DifferentiableClassifier;
import org.adversarialarena.ml.serve.LogitObjectives;
import org.adversarialarena.ml.serve.ObjectiveGradients;

/**
 * Decoupled Direction and Norm, from Rony et al., "Decoupled direction and norm: efficient
 * gradient-based L2 adversarial attacks and defenses" (CVPR 2019); a fast stand-in for Carlini–Wagner L2.
 *
 * <p>Distance measure: L2.
 *
 * <p>It looks for the smallest L2 change that fools the model. Each step moves δ along the normalised
 * loss gradient (step α, cosine-annealed from 1 to 0.01), then rescales δ to a norm ε that shrinks by γ
 * whenever the current point is adversarial and grows by γ when it is not, so the norm settles just
 * at the decision boundary. Untargeted: up the true class's cross-entropy; targeted: down the target's.
 *
 * <p>Returns, per image, the smallest successful change seen (of at most {@code maxNorm}), or the last
 * point if none succeeded.
 *
 * @param steps        gradient steps per image (no default; {@link #of} takes it)
 * @param gamma        the factor by which the norm shrinks or grows each step, in (0, 0.5] (default 0.05, the paper's MNIST value)
 * @param initialNorm  the norm ε starts at (default 1, the paper's MNIST value)
 * @param maxNorm      the largest L2 change that counts as a success (default 28: no limit on 28×28 images)
 */
public record Ddn(int steps, float gamma, float initialNorm, float maxNorm) implements BatchedAttack<DifferentiableClassifier> {

    public Ddn {
        AttackArguments.requirePositive("steps", steps);
        AttackArguments.requireBudget("γ", gamma, 0.5f);
        AttackArguments.requireBudget("initial norm", initialNorm, 28f);
        AttackArguments.requireBudget("largest L2 norm", maxNorm, 28f);
    }

    /** The paper's settings for MNIST (γ = 0.05, initial norm 1) with {@code steps} steps and no norm limit. */
    public static Ddn of(int steps) {
        return new Ddn(steps, 0.05f, 1f, 28f);
    }

    /** The same attack, counting only changes of at most {@code limit} in L2 as successes. */
    public Ddn withMaxNorm(float limit) {
        return new Ddn(steps, gamma, initialNorm, limit);
    }

    @Override
    public String name() {
        return "DDN-" + steps + " L2" + (maxNorm < 28f ? String.format(java.util.Locale.ROOT, " ≤%.2f", maxNorm) : "");
    }

    @Override
    public List<AttackResult> run(DifferentiableClassifier model, float[][] images, List<AttackGoal> goals, boolean tracing) {
        AttackRun run = new AttackRun(name(), model, images, goals, tracing, false);
        int n = run.size();
        float[][] delta = new float[n][run.original(0).length];
        float[] norm = new float[n];
        float[] bestNorm = new float[n];
        float[][] best = new float[n][];
        float[][] bestLogits = new float[n][];
        int[] lossClasses = new int[n];
        for (int i = 0; i < n; i++) {
            norm[i] = initialNorm;
            bestNorm[i] = Float.POSITIVE_INFINITY;
            lossClasses[i] = run.goal(i).lossClass();
        }
        float[][] x = new float[n][];
        for (int step = 0; step <= steps; step++) {
            for (int i = 0; i < n; i++) {
                x[i] = add(run.original(i), delta[i]);
            }
            ObjectiveGradients pass = model.gradients(x, LogitObjectives.crossEntropy(lossClasses));
            if (step == steps) {
                for (int i = 0; i < n; i++) {
                    run.observe(i, x[i], pass.logits()[i], pass.values()[i]);
                    considerBest(run, i, x[i], pass.logits()[i], best, bestLogits, bestNorm);
                }
                break;
            }
            float alpha = (float) (0.01 + (1 - 0.01) * (1 + Math.cos(Math.PI * step / steps)) / 2);
            for (int i = 0; i < n; i++) {
                run.countGradient(i);
                boolean adversarial = run.observe(i, x[i], pass.logits()[i], pass.values()[i]);
                considerBest(run, i, x[i], pass.logits()[i], best, bestLogits, bestNorm);
                float[] g = pass.inputGradients()[i];
                float gLength = Norm.length(g);
                float sign = run.goal(i).isTargeted() ? -1f : 1f;
                if (gLength > 0) {
                    for (int p = 0; p < g.length; p++) {
                        delta[i][p] += sign * alpha * g[p] / gLength;
                    }
                }
                norm[i] *= adversarial ? 1 - gamma : 1 + gamma;
                norm[i] = Math.min(norm[i], maxNorm);
                float length = Norm.length(delta[i]);
                if (length > 0) {
                    for (int p = 0; p < delta[i].length; p++) {
                        delta[i][p] *= norm[i] / length;
                    }
                }
                for (int p = 0; p < delta[i].length; p++) {
                    float original = run.original(i)[p];
                    delta[i][p] = Norm.clip01(original + delta[i][p]) - original;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (best[i] != null) {
                run.choose(i, best[i], bestLogits[i]);
            }
        }
        return run.results();
    }

    private void considerBest(AttackRun run, int i, float[] image, float[] logits, float[][] best, float[][] bestLogits,
            float[] bestNorm) {
        if (!run.goal(i).reachedBy(org.adversarialarena.ml.serve.Softmax.argmax(logits))) {
            return;
        }
        float l2 = Perturbation.between(run.original(i), image).l2();
        if (l2 <= maxNorm + 1e-4f && l2 < bestNorm[i]) {
            bestNorm[i] = l2;
            best[i] = image.clone();
            bestLogits[i] = logits.clone();
        }
    }

    private static float[] add(float[] original, float[] delta) {
        float[] x = new float[original.length];
        for (int p = 0; p < x.length; p++) {
            x[p] = original[p] + delta[p];
        }
        return x;
    }
}
