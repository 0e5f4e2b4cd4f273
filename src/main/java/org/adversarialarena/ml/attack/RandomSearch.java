package org.adversarialarena.ml.attack;

import java.util.ArrayList;
import java.util.List;
import org.adversarialarena.ml.serve.ImageClassifier;
import org.adversarialarena.ml.serve.LogitObjectives;

/**
 * The loop of the score-based random searches (Square Attack, the sparse search): the model answers
 * each image's starting candidate, then, once per query, one proposed change for every image not yet
 * fooled. A proposal is kept if its margin loss fell (or, with {@code keepTies}, did not rise); the
 * first candidate that fools the model ends the search for its image. Every image the model answers
 * counts as one query.
 *
 * @param maxQueries the query budget per image, the starting candidate's included
 * @param keepTies   keep a proposal whose margin equals the current one, so the search can walk across
 *                   plateaus (a sparse search's few flipped pixels often leave the margin unchanged)
 */
record RandomSearch(int maxQueries, boolean keepTies) {

    /** How one attack makes its candidates; {@code C} is what it keeps per image. */
    interface Candidates<C> {

        /** The starting candidate of image {@code image}; asked for every image in order. */
        C start(int image);

        /** A change of {@code current}; asked for every image still searching in order, once per query. */
        C propose(int image, C current, int query);

        /** The image the model is shown for {@code candidate}. */
        float[] imageOf(int image, C candidate);
    }

    /** Searches every image of {@code run}, recording each kept candidate and counting each query there. */
    <C> void search(AttackRun run, ImageClassifier model, Candidates<C> candidates) {
        int n = run.size();
        List<C> kept = new ArrayList<>(n);
        float[][] images = new float[n][];
        for (int i = 0; i < n; i++) {
            kept.add(candidates.start(i));
            images[i] = candidates.imageOf(i, kept.get(i));
        }
        float[][] logits = model.logits(images);
        float[] loss = new float[n];
        List<Integer> searching = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            loss[i] = margin(logits[i], run.goal(i));
            if (!run.observe(i, images[i], logits[i], loss[i])) {
                searching.add(i);
            }
        }
        ActiveImages.rounds(searching, maxQueries - 1, (round, active) -> propose(model, active, kept, candidates, round + 1),
                (round, i, a, proposals) -> {
                    float proposalLoss = margin(proposals.logits()[a], run.goal(i));
                    if (!keeps(proposalLoss, loss[i])) {
                        run.countQuery(i);
                        return true;
                    }
                    loss[i] = proposalLoss;
                    kept.set(i, proposals.candidates().get(a));
                    return !run.observe(i, proposals.images()[a], proposals.logits()[a], proposalLoss);
                });
    }

    /** One proposal per searching image, as candidate and image, and the model's answer on each. */
    private record Proposals<C>(List<C> candidates, float[][] images, float[][] logits) {
    }

    private static <C> Proposals<C> propose(ImageClassifier model, List<Integer> searching, List<C> kept,
            Candidates<C> candidates, int query) {
        List<C> proposed = new ArrayList<>(searching.size());
        float[][] images = new float[searching.size()][];
        for (int a = 0; a < searching.size(); a++) {
            int i = searching.get(a);
            proposed.add(candidates.propose(i, kept.get(i), query));
            images[a] = candidates.imageOf(i, proposed.get(a));
        }
        return new Proposals<>(proposed, images, model.logits(images));
    }

    /** Whether a proposal with margin {@code proposed} replaces the kept candidate with margin {@code current}. */
    boolean keeps(float proposed, float current) {
        return keepTies ? proposed <= current : proposed < current;
    }

    /** Untargeted: z_y − max_{j≠y} z_j; targeted: max_{j≠t} z_j − z_t. Below zero means fooled. */
    static float margin(float[] logits, AttackGoal goal) {
        if (goal.isTargeted()) {
            return logits[LogitObjectives.strongestOther(logits, goal.target())] - logits[goal.target()];
        }
        return logits[goal.trueClass()] - logits[LogitObjectives.strongestOther(logits, goal.trueClass())];
    }
}
