package org.adversarialarena.ml.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.adversarialarena.ml.serve.DifferentiableClassifier;
import org.adversarialarena.ml.serve.LogitObjectives;
import org.adversarialarena.ml.serve.ObjectiveGradients;

/**
 * The gradient-sign family: FGSM, from Goodfellow et al., "Explaining and harnessing adversarial
 * examples" (ICLR 2015); BIM / I-FGSM, from Kurakin et al., "Adversarial examples in the physical world"
 * (ICLR workshop 2017); PGD, from Madry et al., "Towards deep learning models resistant to adversarial
 * attacks" (ICLR 2018); MI-FGSM, from Dong et al., "Boosting adversarial attacks with momentum" (CVPR 2018).
 *
 * <p>Distance measure: L∞ (PGD also L2).
 *
 * <p>They climb the loss along its gradient inside an ε-ball: FGSM in one step of size ε
 * (x* = x + ε·sign(∇ₓJ)), BIM in several small steps, PGD from a random start, MI-FGSM along an
 * accumulated, L1-normalised gradient. They differ only in their settings, so one loop serves them
 * all. Untargeted attacks climb the cross-entropy of the true class; targeted ones descend the
 * cross-entropy of the target.
 *
 * <p>Returns, per image, the first iterate that reaches the goal when {@code untilSuccess}, otherwise
 * the last iterate (of the last restart that ran).
 *
 * @param family        the display name: FGSM, BIM, PGD or MI-FGSM
 * @param norm          the ball's norm (L∞; PGD may use L2)
 * @param epsilon       the ball's radius (no default)
 * @param steps         gradient steps (FGSM 1)
 * @param stepSize      size of one step (FGSM ε; BIM and PGD 2.5·ε/steps; MI-FGSM ε/steps)
 * @param randomStart   start from a random point of the ball (PGD true, the others false)
 * @param momentum      decay μ of the accumulated gradient (MI-FGSM 1, the others 0)
 * @param restarts      runs from fresh random starts for images not yet fooled (default 1)
 * @param untilSuccess  stop working on an image (and return it) as soon as it fools the model (FGSM
 *                      false, the others true); the game wants the smallest change that works,
 *                      adversarial training wants the full-strength iterate
 * @param seed          seeds the random start (PGD 1, the others 0)
 */
public record GradientAttack(
        String family,
        Norm norm,
        float epsilon,
        int steps,
        float stepSize,
        boolean randomStart,
        float momentum,
        int restarts,
        boolean untilSuccess,
        long seed) implements BatchedAttack<DifferentiableClassifier> {

    public GradientAttack {
        AttackArguments.requireBudget("ε", epsilon, norm == Norm.LINF ? 1f : 28f);
        AttackArguments.requirePositive("steps", steps);
        AttackArguments.requireBudget("step size", stepSize, norm == Norm.LINF ? 1f : 28f);
        AttackArguments.requirePositive("restarts", restarts);
        if (!(momentum >= 0f && momentum <= 1f)) {
            throw new IllegalArgumentException("momentum must be in [0, 1], was " + momentum);
        }
        if (restarts > 1 && !randomStart) {
            throw new IllegalArgumentException("restarts without a random start would repeat the same run");
        }
    }

    /** The lecture's fast gradient sign method: one step of size ε along the sign of the gradient. */
    public static GradientAttack fgsm(float epsilon) {
        return new GradientAttack("FGSM", Norm.LINF, epsilon, 1, epsilon, false, 0f, 1, false, 0L);
    }

    /** Basic iterative method (I-FGSM): FGSM in small steps, projected back into the ε-ball. */
    public static GradientAttack bim(float epsilon, int steps) {
        return new GradientAttack("BIM", Norm.LINF, epsilon, steps, 2.5f * epsilon / steps, false, 0f, 1, true, 0L);
    }

    /** Madry et al.'s PGD: BIM from a random point of the ball; step 2.5·ε/steps as they recommend. */
    public static GradientAttack pgd(Norm norm, float epsilon, int steps) {
        return new GradientAttack("PGD", norm, epsilon, steps, 2.5f * epsilon / steps, true, 0f, 1, true, 1L);
    }

    /** Dong et al.'s momentum iterative FGSM (decay μ = 1, step ε/steps). */
    public static GradientAttack miFgsm(float epsilon, int steps) {
        return new GradientAttack("MI-FGSM", Norm.LINF, epsilon, steps, epsilon / steps, false, 1f, 1, true, 0L);
    }

    public GradientAttack withRestarts(int count) {
        return new GradientAttack(family, norm, epsilon, steps, stepSize, true, momentum, count, untilSuccess, seed);
    }

    /** The full-strength iterate, even for images that were fooled early: what adversarial training needs. */
    public GradientAttack toTheEnd() {
        return new GradientAttack(family, norm, epsilon, steps, stepSize, randomStart, momentum, restarts, false, seed);
    }

    public GradientAttack withSeed(long newSeed) {
        return new GradientAttack(family, norm, epsilon, steps, stepSize, randomStart, momentum, restarts, untilSuccess, newSeed);
    }

    @Override
    public String name() {
        String count = steps > 1 ? "-" + steps : "";
        String restartText = restarts > 1 ? " ×" + restarts : "";
        return String.format(java.util.Locale.ROOT, "%s%s %s ε=%.2f%s", family, count, norm.symbol(), epsilon, restartText);
    }

    @Override
    public List<AttackResult> run(DifferentiableClassifier model, float[][] images, List<AttackGoal> goals, boolean tracing) {
        AttackRun run = new AttackRun(name(), model, images, goals, tracing, untilSuccess);
        Random random = new Random(seed);
        for (int restart = 0; restart < restarts; restart++) {
            List<Integer> working = new ArrayList<>();
            for (int i = 0; i < run.size(); i++) {
                if (!run.succeeded(i)) {
                    working.add(i);
                }
            }
            climb(model, run, working, random);
        }
        return run.results();
    }

    /** One run of {@code steps} steps from the original (or a random start) for the images in {@code working}. */
    private void climb(DifferentiableClassifier model, AttackRun run, List<Integer> working, Random random) {
        int n = working.size();
        float[][] x = new float[n][];
        float[][] velocity = new float[n][];
        for (int j = 0; j < n; j++) {
            float[] original = run.original(working.get(j));
            x[j] = original.clone();
            if (randomStart) {
                norm.randomStart(x[j], original, epsilon, random);
            }
            velocity[j] = new float[original.length];
        }
        List<Integer> unfinished = ActiveImages.rounds(ActiveImages.all(n), steps,
                (step, active) -> lossGradients(model, run, working, x, active),
                (step, j, a, pass) -> {
                    int i = working.get(j);
                    run.countGradient(i);
                    boolean fooled = run.observe(i, x[j], pass.logits()[a], pass.values()[a]);
                    if (fooled && untilSuccess) {
                        return false;
                    }
                    float[] direction = ascent(pass.inputGradients()[a], run.goal(i).isTargeted(), velocity[j]);
                    norm.step(x[j], direction, stepSize);
                    norm.project(x[j], run.original(i), epsilon);
                    return true;
                });
        if (!unfinished.isEmpty()) {
            float[][] last = ActiveImages.of(x, unfinished);
            float[][] logits = model.logits(last);
            for (int a = 0; a < unfinished.size(); a++) {
                run.observe(working.get(unfinished.get(a)), last[a], logits[a], Float.NaN);
            }
        }
    }

    private static ObjectiveGradients lossGradients(DifferentiableClassifier model, AttackRun run, List<Integer> working,
            float[][] x, List<Integer> active) {
        int[] lossClasses = new int[active.size()];
        for (int a = 0; a < active.size(); a++) {
            lossClasses[a] = run.goal(working.get(active.get(a))).lossClass();
        }
        return model.gradients(ActiveImages.of(x, active), LogitObjectives.crossEntropy(lossClasses));
    }

    /** The direction to move: up the true class's loss, or down the target's; with momentum, the accumulated one. */
    private float[] ascent(float[] gradient, boolean targeted, float[] velocity) {
        float sign = targeted ? -1f : 1f;
        if (momentum == 0f) {
            float[] direction = new float[gradient.length];
            for (int p = 0; p < gradient.length; p++) {
                direction[p] = sign * gradient[p];
            }
            return direction;
        }
        double l1 = 0;
        for (float g : gradient) {
            l1 += Math.abs(g);
        }
        float scale = l1 == 0 ? 0f : (float) (sign / l1);
        for (int p = 0; p < gradient.length; p++) {
            velocity[p] = momentum * velocity[p] + scale * gradient[p];
        }
        return velocity;
    }
}
