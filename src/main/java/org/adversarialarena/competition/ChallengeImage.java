package org.adversarialarena.competition;

/** One image of a challenge set: where it came from in the test split, its true label, its half. */
public record ChallengeImage(int position, int testIndex, int label, boolean privateHalf, float[] pixels) {
}
