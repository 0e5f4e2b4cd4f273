package org.adversarialarena.ml.attack;

import org.adversarialarena.ml.serve.DifferentiableClassifier;
import org.adversarialarena.ml.serve.LogitObjectives;
import org.adversarialarena.ml.serve.ObjectiveGradients;

/**
 * The gradient of every class logit with respect to every pixel, for a batch of images, as DeepFool
 * and JSMA need it. One network pass serves a whole batch: each image is repeated once per class and
 * each copy differentiates a different class's logit.
 *
 * @param logits    [image][class]
 * @param gradients [image][class][pixel]
 */
record Jacobian(float[][] logits, float[][][] gradients) {

    static Jacobian of(DifferentiableClassifier model, float[][] images) {
        int classes = model.classes();
        float[][] repeated = new float[images.length * classes][];
        int[] whichLogit = new int[repeated.length];
        for (int i = 0; i < images.length; i++) {
            for (int k = 0; k < classes; k++) {
                repeated[i * classes + k] = images[i];
                whichLogit[i * classes + k] = k;
            }
        }
        ObjectiveGradients pass = model.gradients(repeated, LogitObjectives.logit(whichLogit));
        float[][] logits = new float[images.length][];
        float[][][] gradients = new float[images.length][classes][];
        for (int i = 0; i < images.length; i++) {
            logits[i] = pass.logits()[i * classes];
            for (int k = 0; k < classes; k++) {
                gradients[i][k] = pass.inputGradients()[i * classes + k];
            }
        }
        return new Jacobian(logits, gradients);
    }
}
