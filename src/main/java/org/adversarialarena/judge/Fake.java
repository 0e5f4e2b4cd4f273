package org.adversarialarena.judge;

/**
 * A generated image for a session: the generator's id, the class it was asked for, a reference that
 * makes the same image again (a latent seed, a forgery's id) and the pixels in [0, 1].
 */
public record Fake(String generatorId, int classIndex, String reference, float[] pixels) {
}
