package org.adversarialarena.fool;

/**
 * What the judging model made of an image: its top class and confidence, whether that fools it as
 * the level asks, and (on the Sentinel level) whether the detector flagged the image.
 */
public record Verdict(int predictedClass, float confidence, boolean success, boolean flagged) {
}
