package org.adversarialarena.competition;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A defense as stored: its recipe, its progress in training steps, and once judged the referee's
 * figures (clean accuracy, robust accuracy in the worst case per image, PGD's and APGD's accuracies)
 * and the SHA-256 of its weights; the robust accuracy on each half of the set (public: the live board;
 * private: revealed at the end).
 */
public record Defense(long id, long competitionId, long entrantId, DefenseRecipe recipe, DefenseStatus status,
        int step, int totalSteps, boolean cancelRequested, @Nullable String failure, Instant submittedAt,
        @Nullable Long trainingMs, @Nullable Long evaluationMs, @Nullable String weightsSha256,
        @Nullable Double cleanAccuracy, @Nullable Double robustAccuracy, @Nullable Double pgdAccuracy,
        @Nullable Double apgdAccuracy, @Nullable Instant evaluatedAt, @Nullable Double publicRobust,
        @Nullable Double privateRobust) {

    /** PGD leaves far more images standing than APGD: the gradients PGD follows are likely masked. */
    public boolean likelyMasking(double gap) {
        return pgdAccuracy != null && apgdAccuracy != null && pgdAccuracy - apgdAccuracy > gap;
    }
}
