package org.adversarialarena.ml.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.serve.ImageClassifier;

/**
 * A sparse black-box attack in the spirit of the one-pixel attack (Su et al. 2019) and Sparse-RS
 * (Croce et al., AAAI 2022): at most {@code pixels} pixels may change, each to black or white, and
 * only the model's scores are used (its type accepts any {@link ImageClassifier}, so it cannot touch
 * gradients). It starts from {@code pixels} random pixels set to random extremes; each query moves a
 * few of the changed pixels elsewhere (fewer as the search goes on) and keeps the move if the margin
 * did not get worse. Every image whose scores are asked for counts as one query.
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
        int n = run.size();
        Edit[] edits = new Edit[n];
        float[][] x = new float[n][];
        float[] loss = new float[n];
        for (int i = 0; i < n; i++) {
            edits[i] = randomEdit(run.original(i), random);
            x[i] = edits[i].applyTo(run.original(i));
        }
        float[][] logits = model.logits(x);
        List<Integer> active = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            loss[i] = SquareAttack.margin(logits[i], run.goal(i));
            if (!run.observe(i, x[i], logits[i], loss[i])) {
                active.add(i);
            }
        }
        for (int query = 1; query < maxQueries && !active.isEmpty(); query++) {
            int moves = movesAt(query);
            Edit[] proposed = new Edit[active.size()];
            float[][] proposals = new float[active.size()][];
            for (int a = 0; a < active.size(); a++) {
                int i = active.get(a);
                proposed[a] = moved(edits[i], run.original(i), moves, random);
                proposals[a] = proposed[a].applyTo(run.original(i));
            }
            float[][] answers = model.logits(proposals);
            List<Integer> stillActive = new ArrayList<>();
            for (int a = 0; a < active.size(); a++) {
                int i = active.get(a);
                float proposalLoss = SquareAttack.margin(answers[a], run.goal(i));
                if (proposalLoss <= loss[i]) {
                    loss[i] = proposalLoss;
                    edits[i] = proposed[a];
                    if (run.observe(i, proposals[a], answers[a], proposalLoss)) {
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
