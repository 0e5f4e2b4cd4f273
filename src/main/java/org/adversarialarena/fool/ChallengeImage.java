package org.adversarialarena.fool;

/**
 * A held-out test image chosen for a challenge: its index in the dataset's test split, its class and
 * the target class (−1 when untargeted). A workshop keeps one to give every student the same image.
 */
public record ChallengeImage(int index, int trueClass, int targetClass) {
}
