package org.adversarialarena.ml.image;

import org.jspecify.annotations.Nullable;

/**
 * The one place that decides what a valid image is: 28×28 = 784 grayscale values, row by row, each
 * finite and in [0, 1] (0 is black background, 1 is full ink, as in MNIST). Every pixel array that
 * arrives from a browser or a file goes through {@link #requireValid(float[])} before a network or
 * the database sees it.
 */
public final class ImagePixels {

    public static final int SIDE = 28;
    public static final int COUNT = SIDE * SIDE;

    private ImagePixels() {
    }

    /** Returns a defensive copy of {@code pixels} if they form a valid image, else throws saying why. */
    public static float[] requireValid(float @Nullable [] pixels) {
        if (pixels == null) {
            throw new InvalidImageException(InvalidImageException.Problem.MISSING, "An image is required, but none was given.");
        }
        if (pixels.length != COUNT) {
            throw new InvalidImageException(InvalidImageException.Problem.WRONG_SIZE, "An image has " + COUNT
                    + " pixels (" + SIDE + "×" + SIDE + "), but " + pixels.length + " were given.", COUNT, pixels.length);
        }
        for (int i = 0; i < COUNT; i++) {
            float value = pixels[i];
            if (!Float.isFinite(value)) {
                throw new InvalidImageException(InvalidImageException.Problem.NOT_FINITE,
                        "Pixel " + i + " is " + value + "; pixels must be finite numbers.", i);
            }
            if (value < 0f || value > 1f) {
                throw new InvalidImageException(InvalidImageException.Problem.OUT_OF_RANGE,
                        "Pixel " + i + " is " + value + "; pixels must lie in [0, 1].", i, value);
            }
        }
        return pixels.clone();
    }

    /** The image moved {@code down} rows and {@code right} columns (negative: up, left); what leaves the frame is lost, new pixels are blank. */
    public static float[] shifted(float[] image, int down, int right) {
        if (down == 0 && right == 0) {
            return image;
        }
        int side = SIDE;
        float[] moved = new float[image.length];
        for (int row = Math.max(0, down); row < Math.min(side, side + down); row++) {
            for (int column = Math.max(0, right); column < Math.min(side, side + right); column++) {
                moved[row * side + column] = image[(row - down) * side + column - right];
            }
        }
        return moved;
    }

    /** A blank (all black) image. */
    public static float[] blank() {
        return new float[COUNT];
    }

    /** How many pixels carry any ink: the size of what was drawn. */
    public static int inkedCount(float[] pixels) {
        int inked = 0;
        for (float value : requireValid(pixels)) {
            if (value > 0f) {
                inked++;
            }
        }
        return inked;
    }
}
