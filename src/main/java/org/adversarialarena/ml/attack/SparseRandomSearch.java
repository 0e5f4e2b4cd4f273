package org.adversarialarena.ml.attack;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.serve.ImageClassifier;

/**
 * A sparse black-box attack in the spirit of the one-pixel attack (Su et al., "One pixel attack for
 * fooling deep neural networks", IEEE TEVC 2019) and Sparse-RS (Croce et al., "Sparse-RS: a versatile
 * framework for query-efficient sparse black-box adversarial attacks", AAAI 2022).
 *
 * <p>Distance measure: L0.
 *
 * <p>At most {@code pixels} pixels may change, each to black or white, and only the model's scores are
 * used (its type accepts any {@link ImageClassifier}, so it cannot touch gradients). It starts from
 * {@code pixels} random pixels set to random extremes; each query moves a few of the changed pixels
 * elsewhere (fewer as the search goes on) and keeps the move if the margin did not get worse. Every
 * image whose scores are asked for counts as one query.
 *
 * <p>Returns, per image, the first candidate that fooled the model, or else the last one kept.
 *
 * @param pixels      how many pixels may change, 1 to 784 (no default)
 * @param maxQueries  queries per image, the first candidate's included
 * @param seed        seeds the pixels, their values and their moves (default 1)
 */
public record SparseRandomSearch(int pixels, int maxQueries, long seed) implements BatchedAttack<ImageClassifier> {

    public SparseRandomSearch {
        AttackArguments.requirePositive("pixel budget", pixels);
        if (pixels > ImagePixels.COUNT) {
            throw new IllegalArgumentException("At most " + ImagePixels.COUNT + " pixels can change, was " + pixels);
        }
        AttackArguments.requirePositive("query budget", maxQueries);
    }

    public static SparseRandomSearch of(int pixels, int maxQueries) {
        return new SparseRandomSearch(pixels, maxQueries, 1L);
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "Sparse search L0 ≤%d px ≤%d queries", pixels, maxQueries);
    }

    /** Which pixels of one image are changed, and to what. */
    private static final class Edit {
        final int[] where;
        final float[] value;

        Edit(int[] where, float[] value) {
            this.where = where;
            this.value = value;
        }

        float[] applyTo(float[] original) {
            float[] x = original.clone();
            for (int k = 0; k < where.length; k++) {
                x[where[k]] = value[k];
            }
            return x;
        }

        boolean uses(int pixel) {
            for (int w : where) {
                if (w == pixel) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public List<AttackResult> run(ImageClassifier model, float[][] images, List<AttackGoal> goals, boolean tracing) {
        AttackRun run = new AttackRun(name(), model, images, goals, tracing, true);
        Random random = new Random(seed);
        new RandomSearch(maxQueries, true).search(run, model, new RandomSearch.Candidates<Edit>() {
            @Override
            public Edit start(int i) {
                return randomEdit(run.original(i), random);
            }

            @Override
            public Edit propose(int i, Edit current, int query) {
                return moved(current, run.original(i), movesAt(query), random);
            }

            @Override
            public float[] imageOf(int i, Edit candidate) {
                return candidate.applyTo(run.original(i));
            }
        });
        return run.results();
    }

    /** Sparse-RS's schedule: start by moving ~30% of the changed pixels, halve at fixed shares of the budget, at least 1. */
    private int movesAt(int query) {
        double progress = query / (double) maxQueries;
        double fraction = 0.3;
        for (double at : new double[] {0.02, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8}) {
            if (progress > at) {
                fraction /= 2;
            }
        }
        return Math.max(1, (int) Math.round(fraction * pixels));
    }

    private Edit randomEdit(float[] original, Random random) {
        int[] where = new int[pixels];
        float[] value = new float[pixels];
        Edit edit = new Edit(where, value);
        for (int k = 0; k < pixels; k++) {
            where[k] = -1;
        }
        for (int k = 0; k < pixels; k++) {
            where[k] = freshPixel(edit, random);
            value[k] = extremeAwayFrom(original[where[k]], random);
        }
        return edit;
    }

    private static Edit moved(Edit edit, float[] original, int moves, Random random) {
        Edit next = new Edit(edit.where.clone(), edit.value.clone());
        for (int m = 0; m < moves; m++) {
            int k = random.nextInt(next.where.length);
            next.where[k] = -1;
            next.where[k] = freshPixel(next, random);
            next.value[k] = extremeAwayFrom(original[next.where[k]], random);
        }
        return next;
    }

    private static int freshPixel(Edit edit, Random random) {
        int pixel;
        do {
            pixel = random.nextInt(ImagePixels.COUNT);
        } while (edit.uses(pixel));
        return pixel;
    }

    /** Black or white; a pixel already near one extreme goes to the other, so every changed pixel really changes. */
    private static float extremeAwayFrom(float original, Random random) {
        if (original < 0.25f) {
            return 1f;
        }
        if (original > 0.75f) {
            return 0f;
        }
        return random.nextBoolean() ? 1f : 0f;
    }
}
