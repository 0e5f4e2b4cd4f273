package org.adversarialarena.ml.detective;

/**
 * The detective's verdict on an image at its class, in [0, 1], and the map of where that verdict
 * hangs on the pixels, in [0, 1] per pixel.
 */
public record RealnessAndSaliency(double realness, float[] saliency) {
}
