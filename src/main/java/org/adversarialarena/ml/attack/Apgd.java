package org.adversarialarena.ml.attack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.adversarialarena.ml.serve.DifferentiableClassifier;
import org.adversarialarena.ml.serve.LogitObjective;
import org.adversarialarena.ml.serve.LogitObjectives;
import org.adversarialarena.ml.serve.ObjectiveGradients;
import org.adversarialarena.ml.serve.Softmax;

/**
 * Auto-PGD, from Croce and Hein, "Reliable evaluation of adversarial robustness with an ensemble of
 * diverse parameter-free attacks" (ICML 2020): the step-size-free core of AutoAttack.
 *
 * <p>Distance measure: L∞.
 *
 * <p>It starts with step 2ε, follows the gradient with momentum (α = 0.75), and halves the step at
 * checkpoints where progress stalled, restarting from the best point so far. With cross-entropy it is
 * APGD-CE; with the targeted Difference-of-Logits-Ratio loss it is APGD-T, which for an untargeted
 * goal tries each of the {@code targets} most likely wrong classes in turn. Because the step adapts
 * to the loss surface and DLR ignores softmax saturation, a defense that only masks or flattens
 * gradients does not fool it the way it fools plain PGD.
 *
 * <p>Returns, per image, the first iterate that reaches the goal, or else the last one.
 *
 * @param loss     {@link Loss#CE} or {@link Loss#DLR_TARGETED} (no default: {@link #ce} and {@link #targetedDlr})
 * @param epsilon  largest change of a pixel, in (0, 1] (no default)
 * @param steps    gradient steps per search (no default)
 * @param targets  wrong classes APGD-T tries in turn (1 for APGD-CE; AutoAttack uses 9)
 * @param seed     seeds the random start (default 0)
 */
public record Apgd(Loss loss, float epsilon, int steps, int targets, long seed) implements BatchedAttack<DifferentiableClassifier> {

    private static final float MOMENTUM = 0.75f;
    private static final float RHO = 0.75f;

    public enum Loss {
        CE, DLR_TARGETED
    }

    public Apgd {
        AttackArguments.requireBudget("ε", epsilon, 1f);
        AttackArguments.requirePositive("steps", steps);
        AttackArguments.requirePositive("target classes", targets);
    }

    public static Apgd ce(float epsilon, int steps) {
        return new Apgd(Loss.CE, epsilon, steps, 1, 0L);
    }

    public static Apgd targetedDlr(float epsilon, int steps, int targetClasses) {
        return new Apgd(Loss.DLR_TARGETED, epsilon, steps, targetClasses, 0L);
    }

    @Override
    public String name() {
        return String.format(java.util.Locale.ROOT, "APGD-%s-%d L∞ ε=%.2f", loss == Loss.CE ? "CE" : "T", steps, epsilon);
    }

    @Override
    public List<AttackResult> run(DifferentiableClassifier model, float[][] images, List<AttackGoal> goals, boolean tracing) {
        AttackRun run = new AttackRun(name(), model, images, goals, tracing, true);
        Random random = new Random(seed);
        if (loss == Loss.CE) {
            int[] none = new int[run.size()];
            Arrays.fill(none, -1);
            search(model, run, none, random);
            return run.results();
        }
        int[][] targetLists = targetsPerImage(model, run);
        for (int round = 0; round < targets; round++) {
            int[] target = new int[run.size()];
            for (int i = 0; i < run.size(); i++) {
                target[i] = round < targetLists[i].length ? targetLists[i][round] : -1;
            }
            search(model, run, target, random);
        }
        return run.results();
    }

    /** The goal's own target, or the most likely wrong classes of the original image, best first. */
    private int[][] targetsPerImage(DifferentiableClassifier model, AttackRun run) {
        float[][] originals = new float[run.size()][];
        for (int i = 0; i < run.size(); i++) {
            originals[i] = run.original(i);
        }
        float[][] logits = model.logits(originals);
        int[][] lists = new int[run.size()][];
        for (int i = 0; i < run.size(); i++) {
            run.countQuery(i);
            AttackGoal goal = run.goal(i);
            if (goal.isTargeted()) {
                lists[i] = new int[] {goal.target()};
                continue;
            }
            float[] scores = logits[i].clone();
            scores[goal.trueClass()] = Float.NEGATIVE_INFINITY;
            int count = Math.min(targets, scores.length - 1);
            lists[i] = new int[count];
            for (int t = 0; t < count; t++) {
                lists[i][t] = Softmax.argmax(scores);
                scores[lists[i][t]] = Float.NEGATIVE_INFINITY;
            }
        }
        return lists;
    }

    /** Per-image state of one APGD search. */
    private static final class Search {
        final int image;
        final float[] original;
        float[] x;
        float[] previous;
        float[] gradient;
        float value = Float.NEGATIVE_INFINITY;
        float[] best;
        float[] bestGradient;
        float bestValue = Float.NEGATIVE_INFINITY;
        float step;
        int increases;
        float stepAtCheckpoint;
        float bestAtCheckpoint = Float.NEGATIVE_INFINITY;

        Search(int image, float[] original, float[] start, float step) {
            this.image = image;
            this.original = original;
            this.x = start;
            this.previous = start.clone();
            this.best = start.clone();
            this.step = step;
            this.stepAtCheckpoint = step;
        }
    }

    private void search(DifferentiableClassifier model, AttackRun run, int[] target, Random random) {
        List<Search> searches = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            if (run.succeeded(i) || (loss == Loss.DLR_TARGETED && target[i] < 0)) {
                continue;
            }
            float[] start = run.original(i).clone();
            Norm.LINF.randomStart(start, run.original(i), epsilon, random);
            searches.add(new Search(i, run.original(i), start, 2f * epsilon));
        }
        List<Integer> checkpoints = checkpoints(steps);
        List<Search> unfinished = ActiveImages.rounds(searches, steps,
                (k, active) -> model.gradients(batch(active), objective(run, active, target)),
                (k, s, a, pass) -> {
                    run.countGradient(s.image);
                    if (run.observe(s.image, s.x, pass.logits()[a], pass.values()[a])) {
                        return false;
                    }
                    climbed(s, pass.values()[a], pass.inputGradients()[a]);
                    if (k > 0 && checkpoints.contains(k)) {
                        checkpoint(s, k - previousCheckpoint(checkpoints, k));
                    }
                    move(s, k == 0);
                    return true;
                });
        if (!unfinished.isEmpty()) {
            float[][] logits = model.logits(batch(unfinished));
            for (int a = 0; a < unfinished.size(); a++) {
                run.observe(unfinished.get(a).image, unfinished.get(a).x, logits[a], Float.NaN);
            }
        }
    }

    /** Records the loss {@code value} and {@code gradient} at the current point, and the best point so far. */
    private static void climbed(Search s, float value, float[] gradient) {
        if (value > s.value) {
            s.increases++;
        }
        s.value = value;
        s.gradient = gradient;
        if (value > s.bestValue) {
            s.bestValue = value;
            s.best = s.x.clone();
            s.bestGradient = gradient;
        }
    }

    /**
     * The paper's check at a checkpoint, {@code since} steps after the previous one: if the loss rose in
     * too few of them, or neither the step nor the best loss changed, halve the step and restart from
     * the best point.
     */
    private static void checkpoint(Search s, int since) {
        boolean fewIncreases = s.increases < RHO * since;
        boolean stalled = s.stepAtCheckpoint == s.step && s.bestAtCheckpoint == s.bestValue;
        s.stepAtCheckpoint = s.step;
        s.bestAtCheckpoint = s.bestValue;
        s.increases = 0;
        if (fewIncreases || stalled) {
            s.step /= 2f;
            s.x = s.best.clone();
            s.gradient = s.bestGradient;
        }
    }

    /** The last checkpoint before step {@code k} (0 is the first). */
    private static int previousCheckpoint(List<Integer> checkpoints, int k) {
        int previous = 0;
        for (int point : checkpoints) {
            if (point < k) {
                previous = Math.max(previous, point);
            }
        }
        return previous;
    }

    /** z = P(x + η·sign(∇)); x' = P(x + α(z − x) + (1 − α)(x − x_prev)), plain z on the first step. */
    private void move(Search s, boolean first) {
        float[] z = s.x.clone();
        Norm.LINF.step(z, s.gradient, s.step);
        Norm.LINF.project(z, s.original, epsilon);
        float[] next = z;
        if (!first) {
            next = new float[z.length];
            for (int p = 0; p < z.length; p++) {
                next[p] = s.x[p] + MOMENTUM * (z[p] - s.x[p]) + (1f - MOMENTUM) * (s.x[p] - s.previous[p]);
            }
            Norm.LINF.project(next, s.original, epsilon);
        }
        s.previous = s.x;
        s.x = next;
    }

    private LogitObjective objective(AttackRun run, List<Search> active, int[] target) {
        int[] labels = new int[active.size()];
        int[] targetClasses = new int[active.size()];
        for (int a = 0; a < active.size(); a++) {
            labels[a] = run.goal(active.get(a).image).trueClass();
            targetClasses[a] = target[active.get(a).image];
        }
        if (loss == Loss.DLR_TARGETED) {
            return LogitObjectives.targetedDlr(labels, targetClasses);
        }
        // Cross-entropy is climbed for the true class, or descended for a goal's target.
        boolean[] towardsTarget = new boolean[active.size()];
        for (int a = 0; a < active.size(); a++) {
            AttackGoal goal = run.goal(active.get(a).image);
            towardsTarget[a] = goal.isTargeted();
            labels[a] = goal.lossClass();
        }
        LogitObjective crossEntropy = LogitObjectives.crossEntropy(labels);
        return (logits, example, gradient) -> {
            float value = crossEntropy.evaluate(logits, example, gradient);
            if (!towardsTarget[example]) {
                return value;
            }
            for (int k = 0; k < gradient.length; k++) {
                gradient[k] = -gradient[k];
            }
            return -value;
        };
    }

    private static float[][] batch(List<Search> active) {
        float[][] images = new float[active.size()][];
        for (int a = 0; a < active.size(); a++) {
            images[a] = active.get(a).x;
        }
        return images;
    }

    /** The paper's checkpoints w_j = ⌈p_j·N⌉ with p₀ = 0, p₁ = 0.22, p_{j+1} = p_j + max(p_j − p_{j−1} − 0.03, 0.06). */
    static List<Integer> checkpoints(int steps) {
        List<Integer> points = new ArrayList<>();
        double previous = 0;
        double current = 0.22;
        points.add(0);
        while (current < 1) {
            points.add((int) Math.ceil(current * steps));
            double next = current + Math.max(current - previous - 0.03, 0.06);
            previous = current;
            current = next;
        }
        return points;
    }
}
