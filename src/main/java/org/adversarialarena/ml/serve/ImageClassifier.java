package org.adversarialarena.ml.serve;

/**
 * A classifier seen only through its answers, as a black-box attacker or a player sees the hidden
 * model: logits for images, nothing about how they were computed.
 */
public interface ImageClassifier {

    int classes();

    /** The logits (scores before softmax) of each image, one row per image; images are validated. */
    float[][] logits(float[][] images);

    default float[][] probabilities(float[][] images) {
        float[][] logits = logits(images);
        float[][] probabilities = new float[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = Softmax.of(logits[i]);
        }
        return probabilities;
    }

    default float[] probabilities(float[] image) {
        return probabilities(new float[][] {image})[0];
    }

    /** The most likely class of each image. */
    default int[] predictions(float[][] images) {
        float[][] logits = logits(images);
        int[] classes = new int[logits.length];
        for (int i = 0; i < logits.length; i++) {
            classes[i] = Softmax.argmax(logits[i]);
        }
        return classes;
    }
}
