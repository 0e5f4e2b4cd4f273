package org.adversarialarena.judge;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.adversarialarena.ml.image.ImagePng;

/**
 * An image chosen for a session, judged by the detective before anything is stored. The PNG is what
 * is stored and shown, so the detective judges the PNG's pixels, not the generator's unrounded ones.
 */
record PlannedItem(boolean qualification, boolean real, String source, int classIndex, String reference, byte[] png,
        double detectiveReal, long detectiveVersion) {

    static final String REAL_SOURCE = "real-test";
    static final String WARM_UP_SOURCE = "warm-up";

    String digest() {
        return digestOf(png);
    }

    static String digestOf(byte[] png) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Generator output may stray a hair outside [0, 1]; stored images are clamped and rounded to 8 bits. */
    static byte[] pngOf(float[] pixels) {
        float[] clamped = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            clamped[i] = Math.max(0f, Math.min(1f, pixels[i]));
        }
        return ImagePng.toPng(clamped);
    }
}
