package org.adversarialarena.competition;

/**
 * An attack-phase submission against one final defense: how many of its images the defense
 * misclassified, and the share of the public half it misclassified (shown to the attacker at once).
 */
public record AttackResult(long submissionId, long defenseId, int fooledCount, double publicSuccess) {
}
