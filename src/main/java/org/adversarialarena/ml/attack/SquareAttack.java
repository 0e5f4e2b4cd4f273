package org.adversarialarena.ml.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.serve.ImageClassifier;
import org.adversarialarena.ml.serve.LogitObjectives;

/**
 * Andriushchenko et al.'s Square Attack (ECCV 2020), L∞: a black-box random search that needs only the
 * model's scores, never its gradients (its type only accepts an {@link ImageClassifier}). It starts
 * from vertical stripes of ±ε and repeatedly proposes a new ±ε value for a random square window,
 * keeping the proposal when the margin loss drops; the window's share of the image shrinks on the
 * paper's schedule as the query count grows. Every image whose scores are asked for is one query.
 */
public record SquareAttack(float epsilon, int maxQueries, float initialFraction, long seed) implements BatchedAttack<ImageClassifier> {

    public SquareAttack {
        AttackArguments.requireBudget("ε", epsilon, 1f);
        AttackArguments.requirePositive("query budget", maxQueries);
        AttackArguments.requireBudget("initial window fraction", initialFraction, 1f);
    }

    /** ε and query budget; the paper's MNIST window fraction 0.3 and a fixed seed. */
    public static SquareAttack of(float epsilon, int maxQueries) {
        return new SquareAttack(epsilon, maxQueries, 0.3f, 1L);
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "Square L∞ ε=%.2f ≤%d queries", epsilon, maxQueries);
    }

    @Override
    public List<AttackResult> run(ImageClassifier model, float[][] images, List<AttackGoal> goals, boolean tracing) {
        AttackRun run = new AttackRun(name(), model, images, goals, tracing, true);
        Random random = new Random(seed);
        int n = run.size();
        float[][] x = new float[n][];
        float[] loss = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = stripes(run.original(i), random);
        }
        float[][] logits = model.logits(x);
        List<Integer> active = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            loss[i] = margin(logits[i], run.goal(i));
            if (!run.observe(i, x[i], logits[i], loss[i])) {
                active.add(i);
            }
        }
        for (int query = 1; query < maxQueries && !active.isEmpty(); query++) {
            int side = windowSide(query);
            float[][] proposals = new float[active.size()][];
            for (int a = 0; a < active.size(); a++) {
                int i = active.get(a);
                proposals[a] = x[i].clone();
                int row = random.nextInt(ImagePixels.SIDE - side + 1);
                int column = random.nextInt(ImagePixels.SIDE - side + 1);
                float value = random.nextBoolean() ? epsilon : -epsilon;
                for (int r = row; r < row + side; r++) {
                    for (int c = column; c < column + side; c++) {
                        int p = r * ImagePixels.SIDE + c;
                        proposals[a][p] = Norm.clip01(run.original(i)[p] + value);
                    }
                }
            }
            float[][] answers = model.logits(proposals);
            List<Integer> stillActive = new ArrayList<>();
            for (int a = 0; a < active.size(); a++) {
                int i = active.get(a);
                float proposalLoss = margin(answers[a], run.goal(i));
                if (proposalLoss < loss[i]) {
                    loss[i] = proposalLoss;
                    x[i] = proposals[a];
                    if (run.observe(i, x[i], answers[a], proposalLoss)) {
                        continue;
                    }
                } else {
                    run.countQuery(i);
                }
                stillActive.add(i);
            }
            active = stillActive;
        }
        return run.results();
    }

    /** Untargeted: z_y − max_{j≠y} z_j; targeted: max_{j≠t} z_j − z_t. Below zero means fooled. */
    static float margin(float[] logits, AttackGoal goal) {
        if (goal.isTargeted()) {
            return logits[LogitObjectives.strongestOther(logits, goal.target())] - logits[goal.target()];
        }
        return logits[goal.trueClass()] - logits[LogitObjectives.strongestOther(logits, goal.trueClass())];
    }

    private float[] stripes(float[] original, Random random) {
        float[] x = new float[original.length];
        for (int c = 0; c < ImagePixels.SIDE; c++) {
            float value = random.nextBoolean() ? epsilon : -epsilon;
            for (int r = 0; r < ImagePixels.SIDE; r++) {
                int p = r * ImagePixels.SIDE + c;
                x[p] = Norm.clip01(original[p] + value);
            }
        }
        return x;
    }

    /** The paper's schedule, rescaled to a 10,000-query run: the window fraction halves at fixed query counts. */
    private int windowSide(int query) {
        int scaled = (int) ((long) query * 10_000 / Math.max(maxQueries, 1));
        int[] halvings = {10, 50, 200, 500, 1000, 2000, 4000, 6000, 8000};
        float fraction = initialFraction;
        for (int at : halvings) {
            if (scaled > at) {
                fraction /= 2f;
            }
        }
        return Math.max(1, Math.min(ImagePixels.SIDE - 1, Math.round((float) Math.sqrt(fraction * ImagePixels.COUNT))));
    }
}
