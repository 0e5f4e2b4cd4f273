package org.adversarialarena.forge;

/** The generator's image for the canvas, with the verdicts on it. */
public record GeneratedSample(float[] pixels, LiveVerdict verdict) {
}
