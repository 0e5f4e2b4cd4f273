package org.adversarialarena.competition;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An entrant's line on the defense board: their best judged defense (robust accuracy, then clean
 * accuracy, then earlier), its recipe, the SHA-256 of its weights, and whether PGD and APGD disagree
 * enough to suggest masked gradients. {@code name} is null on an anonymous board for others.
 */
public record DefenseBoardRow(int rank, long entrantId, @Nullable String name, boolean you, long defenseId,
        DefenseRecipe recipe, double robustAccuracy, double cleanAccuracy, double pgdAccuracy, double apgdAccuracy,
        boolean likelyMasking, String weightsSha256, Instant submittedAt) {
}
