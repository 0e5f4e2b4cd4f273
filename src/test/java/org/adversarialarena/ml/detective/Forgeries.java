package org.adversarialarena.ml.detective;

import java.util.Random;

/** Hand-made forgeries for the tests: the blocky 7 of {@link DetectiveLearningMain}, with a little jitter. */
final class Forgeries {

    private Forgeries() {
    }

    static float[] seven(int dx, int dy) {
        return DetectiveLearningMain.blockySeven(dx, dy);
    }

    static float[] jitteredSeven(Random random) {
        return seven(random.nextInt(3) - 1, random.nextInt(3) - 1);
    }
}
