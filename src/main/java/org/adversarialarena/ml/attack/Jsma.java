package org.adversarialarena.ml.attack;

import java.util.List;
import java.util.Locale;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.serve.DifferentiableClassifier;
import org.adversarialarena.ml.serve.LogitObjectives;

/**
 * Jacobian-based Saliency Map Attack, from Papernot et al., "The limitations of deep learning in
 * adversarial settings" (IEEE EuroS&amp;P 2016).
 *
 * <p>Distance measure: L0.
 *
 * <p>The machine's version of the Fool game's "few pixels" level. Each step takes the Jacobian of the
 * logits, and among pairs of still-unsaturated pixels picks the pair (p, q) that most raises the
 * target's logit (α &gt; 0) while lowering the others' sum (β &lt; 0), maximising −α·β; both pixels are
 * set to full ink (θ = +1) and leave the search domain. The paper's form is targeted; for an
 * untargeted goal this picks, at each step, the currently strongest wrong class as the target.
 *
 * <p>Returns, per image, the first image that reaches the goal, or the last one when the pixel budget
 * or the pairs that could still help run out.
 *
 * @param maxPixels  how many pixels may change, 2 to 784 (no default; {@link #withFraction} takes the
 *                   paper's γ, the share of the pixels)
 */
public record Jsma(int maxPixels) implements BatchedAttack<DifferentiableClassifier> {

    public Jsma {
        if (maxPixels < 2 || maxPixels > ImagePixels.COUNT) {
            throw new IllegalArgumentException("JSMA changes pixels in pairs: the budget must be 2.." + ImagePixels.COUNT
                    + " pixels, was " + maxPixels);
        }
    }

    /** The paper's budget γ: at most this fraction of the pixels may change. */
    public static Jsma withFraction(float gamma) {
        AttackArguments.requireBudget("γ", gamma, 1f);
        return new Jsma(Math.max(2, Math.round(gamma * ImagePixels.COUNT)));
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "JSMA L0 ≤ %d px", maxPixels);
    }

    @Override
    public List<AttackResult> run(DifferentiableClassifier model, float[][] images, List<AttackGoal> goals, boolean tracing) {
        AttackRun run = new AttackRun(name(), model, images, goals, tracing, true);
        float[][] x = new float[run.size()][];
        boolean[][] searchable = new boolean[run.size()][];
        int[] changed = new int[run.size()];
        for (int i = 0; i < run.size(); i++) {
            x[i] = run.original(i).clone();
            searchable[i] = new boolean[x[i].length];
            for (int p = 0; p < x[i].length; p++) {
                searchable[i][p] = x[i][p] < 1f;
            }
        }
        // No round limit: every round saturates two more pixels, and the budget or the pixels run out.
        ActiveImages.rounds(ActiveImages.all(run.size()), Integer.MAX_VALUE,
                (round, active) -> Jacobian.of(model, ActiveImages.of(x, active)),
                (round, i, a, jacobian) -> {
                    run.countGradient(i);
                    float[] logits = jacobian.logits()[a];
                    AttackGoal goal = run.goal(i);
                    int target = goal.isTargeted() ? goal.target() : LogitObjectives.strongestOther(logits, goal.trueClass());
                    if (run.observe(i, x[i], logits, logits[target] - logits[goal.trueClass()]) || changed[i] + 2 > maxPixels) {
                        return false;
                    }
                    int[] pair = mostSalientPair(jacobian.gradients()[a], target, searchable[i]);
                    if (pair == null) {
                        return false;
                    }
                    for (int p : pair) {
                        x[i][p] = 1f;
                        searchable[i][p] = false;
                        changed[i]++;
                    }
                    return true;
                });
        return run.results();
    }

    /** The pair maximising −α·β with α > 0 and β < 0 (Papernot et al., Algorithm 3), or null if none is left. */
    private static int @org.jspecify.annotations.Nullable [] mostSalientPair(float[][] gradients, int target, boolean[] searchable) {
        int pixels = searchable.length;
        float[] alpha = new float[pixels];
        float[] beta = new float[pixels];
        for (int p = 0; p < pixels; p++) {
            float all = 0;
            for (float[] classGradient : gradients) {
                all += classGradient[p];
            }
            alpha[p] = gradients[target][p];
            beta[p] = all - alpha[p];
        }
        int[] best = null;
        float bestScore = 0;
        for (int p = 0; p < pixels; p++) {
            if (!searchable[p]) {
                continue;
            }
            for (int q = p + 1; q < pixels; q++) {
                if (!searchable[q]) {
                    continue;
                }
                float a = alpha[p] + alpha[q];
                float b = beta[p] + beta[q];
                if (a > 0 && b < 0 && -a * b > bestScore) {
                    bestScore = -a * b;
                    best = new int[] {p, q};
                }
            }
        }
        return best;
    }
}
