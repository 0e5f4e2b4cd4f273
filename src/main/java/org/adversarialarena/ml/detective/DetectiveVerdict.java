package org.adversarialarena.ml.detective;

import org.adversarialarena.ml.serve.Softmax;

/**
 * What a forgery earns: the detective's real-probability as points out of 100, but only if the
 * classifier sees the prompted class in it. Fooling the detective with a blob that is no "7" is not
 * forging a 7, so the classifier acts as the referee of the prompt.
 *
 * @param realProbability   the detective's verdict, in [0, 1]
 * @param classProbability  the classifier's probability for the prompted class
 * @param classifierAgrees  whether the classifier's top class is the prompted one
 * @param points            100 × realProbability if the classifier agrees, else 0
 */
public record DetectiveVerdict(double realProbability, double classProbability, boolean classifierAgrees, double points) {

    public static final double MAX_POINTS = 100;

    public DetectiveVerdict {
        if (!(realProbability >= 0 && realProbability <= 1) || !(classProbability >= 0 && classProbability <= 1)) {
            throw new IllegalArgumentException("Probabilities lie in [0, 1], were " + realProbability + " and " + classProbability);
        }
    }

    /** Scores a forgery of class {@code prompt} from the detective's verdict and the classifier's probabilities. */
    public static DetectiveVerdict of(double realProbability, float[] classProbabilities, int prompt) {
        if (prompt < 0 || prompt >= classProbabilities.length) {
            throw new IllegalArgumentException("Prompt class " + prompt + " is not one of " + classProbabilities.length);
        }
        boolean agrees = Softmax.argmax(classProbabilities) == prompt;
        return new DetectiveVerdict(realProbability, classProbabilities[prompt], agrees, points(realProbability, agrees));
    }

    /** 100 × the real-probability to one decimal if the classifier agrees with the prompt, else 0. */
    public static double points(double realProbability, boolean classifierAgrees) {
        return classifierAgrees ? Math.round(realProbability * MAX_POINTS * 10) / 10.0 : 0;
    }

    /** Whether the forgery fooled the detective (it judged it more likely real than fake) and forged the prompt. */
    public boolean fooledTheDetective() {
        return classifierAgrees && judgedReal(realProbability);
    }

    /** Whether a verdict of {@code realProbability} means the detective took the image for real rather than fake. */
    public static boolean judgedReal(double realProbability) {
        return realProbability >= 0.5;
    }
}
