package org.adversarialarena.ml.attack;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.serve.ImageClassifier;

/**
 * Square Attack, from Andriushchenko et al., "Square Attack: a query-efficient black-box adversarial
 * attack via random search" (ECCV 2020).
 *
 * <p>Distance measure: L∞.
 *
 * <p>A black-box random search that needs only the model's scores, never its gradients (its type only
 * accepts an {@link ImageClassifier}). It starts from vertical stripes of ±ε and repeatedly proposes a
 * new ±ε value for a random square window, keeping the proposal when the margin loss drops; the
 * window's share of the image shrinks on the paper's schedule as the query count grows. Every image
 * whose scores are asked for is one query.
 *
 * <p>Returns, per image, the first candidate that fooled the model, or else the last one kept.
 *
 * @param epsilon          largest change of a pixel, in (0, 1] (no default; the game uses 0.3)
 * @param maxQueries       queries per image, the first candidate's included
 * @param initialFraction  share of the image the first windows cover (default 0.3, the paper's MNIST value)
 * @param seed             seeds the stripes and the windows (default 1)
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
        new RandomSearch(maxQueries, false).search(run, model, new RandomSearch.Candidates<float[]>() {
            @Override
            public float[] start(int i) {
                return stripes(run.original(i), random);
            }

            @Override
            public float[] propose(int i, float[] current, int query) {
                return withRandomSquare(current, run.original(i), windowSide(query), random);
            }

            @Override
            public float[] imageOf(int i, float[] candidate) {
                return candidate;
            }
        });
        return run.results();
    }

    /** {@code current} with one random square window set to ±ε around the original. */
    private float[] withRandomSquare(float[] current, float[] original, int side, Random random) {
        float[] proposal = current.clone();
        int row = random.nextInt(ImagePixels.SIDE - side + 1);
        int column = random.nextInt(ImagePixels.SIDE - side + 1);
        float value = random.nextBoolean() ? epsilon : -epsilon;
        for (int r = row; r < row + side; r++) {
            for (int c = column; c < column + side; c++) {
                int p = r * ImagePixels.SIDE + c;
                proposal[p] = Norm.clip01(original[p] + value);
            }
        }
        return proposal;
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
