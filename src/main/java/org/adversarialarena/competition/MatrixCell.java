package org.adversarialarena.competition;

import org.jspecify.annotations.Nullable;

/**
 * One cell of the cross-evaluation matrix: how many images of a final attack a final defense
 * misclassified ({@code defenseId} null: the competition's fixed target).
 */
public record MatrixCell(long submissionId, @Nullable Long defenseId, int misclassified) {
}
