package org.adversarialarena.ml.detective;

import java.util.Random;
import org.adversarialarena.ml.image.ImagePixels;

/** Hand-made forgeries for the tests: a "7" of two straight strokes, drawn with a little jitter. */
final class Forgeries {

    private Forgeries() {
    }

    /** A blocky 7: a bar along the top and a diagonal down to the bottom, shifted by (dx, dy). */
    static float[] seven(int dx, int dy) {
        float[] image = ImagePixels.blank();
        for (int x = 7; x <= 20; x++) {
            ink(image, x + dx, 6 + dy);
            ink(image, x + dx, 7 + dy);
        }
        for (int y = 8; y <= 22; y++) {
            int x = 20 - (y - 8) * 8 / 14;
            ink(image, x + dx, y + dy);
            ink(image, x + 1 + dx, y + dy);
        }
        return image;
    }

    static float[] jitteredSeven(Random random) {
        return seven(random.nextInt(3) - 1, random.nextInt(3) - 1);
    }

    private static void ink(float[] image, int x, int y) {
        if (x >= 0 && x < ImagePixels.SIDE && y >= 0 && y < ImagePixels.SIDE) {
            image[y * ImagePixels.SIDE + x] = 1f;
        }
    }
}
