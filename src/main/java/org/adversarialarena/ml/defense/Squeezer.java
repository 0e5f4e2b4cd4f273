package org.adversarialarena.ml.defense;

import org.adversarialarena.ml.image.ImagePixels;

/**
 * An input-squeezing preprocessor (Xu et al., "Feature Squeezing", NDSS 2018): it maps many nearby
 * images to one, hoping to erase the attacker's small perturbation before the classifier sees it.
 */
public interface Squeezer {

    /** The squeezed copy of a valid image; the argument is not changed. */
    float[] squeeze(float[] image);

    String name();

    /** This squeezer followed by {@code next}. */
    default Squeezer then(Squeezer next) {
        Squeezer first = this;
        return new Squeezer() {
            @Override
            public float[] squeeze(float[] image) {
                return next.squeeze(first.squeeze(image));
            }

            @Override
            public String name() {
                return first.name() + " + " + next.name();
            }
        };
    }

    /** Bit-depth reduction to {@code bits} bits: each pixel rounded to one of 2^bits levels. */
    static Squeezer bitDepth(int bits) {
        return new BitDepth(bits);
    }

    /** A {@code size}×{@code size} median filter (size odd), edges padded by repeating the border pixel. */
    static Squeezer median(int size) {
        return new MedianFilter(size);
    }

    record BitDepth(int bits) implements Squeezer {

        public BitDepth {
            if (bits < 1 || bits > 8) {
                throw new IllegalArgumentException("Bit depth must be in 1..8, was " + bits);
            }
        }

        @Override
        public float[] squeeze(float[] image) {
            float levels = (1 << bits) - 1;
            float[] out = ImagePixels.requireValid(image).clone();
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.round(out[i] * levels) / levels;
            }
            return out;
        }

        @Override
        public String name() {
            return bits + "-bit";
        }
    }

    record MedianFilter(int size) implements Squeezer {

        public MedianFilter {
            if (size < 1 || size % 2 == 0 || size > 7) {
                throw new IllegalArgumentException("The median window must be odd and in 1..7, was " + size);
            }
        }

        @Override
        public float[] squeeze(float[] image) {
            float[] in = ImagePixels.requireValid(image);
            int side = ImagePixels.SIDE;
            int half = size / 2;
            float[] out = new float[in.length];
            float[] window = new float[size * size];
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    int k = 0;
                    for (int dr = -half; dr <= half; dr++) {
                        for (int dc = -half; dc <= half; dc++) {
                            int rr = Math.clamp(r + dr, 0, side - 1);
                            int cc = Math.clamp(c + dc, 0, side - 1);
                            window[k++] = in[rr * side + cc];
                        }
                    }
                    java.util.Arrays.sort(window);
                    out[r * side + c] = window[window.length / 2];
                }
            }
            return out;
        }

        @Override
        public String name() {
            return "median " + size + "×" + size;
        }
    }
}
