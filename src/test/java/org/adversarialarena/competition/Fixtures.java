package org.adversarialarena.competition;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test material: settings, challenge sets with known labels, and files in the upload formats. */
final class Fixtures {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant END = Instant.parse("2026-03-09T09:00:00Z");

    private Fixtures() {
    }

    static CompetitionSettings settings(AttackBudget budget, int images, Duration freeze, boolean anonymous,
            List<CompetitionPhase> phases) {
        return new CompetitionSettings("Fool LeNet", "Rules: be kind.", false, START, END, phases, 3, 10, freeze, anonymous,
                "mnist-lenet", images, 7, budget);
    }

    static CompetitionSettings settings() {
        return settings(new AttackBudget(BudgetNorm.LINF, 0.3), 4, Duration.ofHours(12), false,
                List.of(new CompetitionPhase("black-box", START, false, false)));
    }

    /** Four images, one per class 0..3; positions 2 and 3 are the private half. */
    static ChallengeSet set() {
        List<ChallengeImage> images = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            images.add(new ChallengeImage(i, 100 + i, i, i >= 2, filled(0.5f)));
        }
        return new ChallengeSet(images);
    }

    static float[] filled(float value) {
        float[] pixels = new float[ChallengeSet.PIXELS];
        java.util.Arrays.fill(pixels, value);
        return pixels;
    }

    static float[][] copies(ChallengeSet set) {
        return set.images().stream().map(image -> image.pixels().clone()).toArray(float[][]::new);
    }

    /** A NumPy .npy of float32 or float64 with the given shape and values. */
    static byte[] npy(String descr, String shape, float[][] images) {
        int width = descr.equals("<f8") ? 8 : 4;
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shape + "), }";
        int unpadded = 10 + header.length() + 1;
        String padded = header + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        int count = images.length * (images.length == 0 ? 0 : images[0].length);
        ByteBuffer buffer = ByteBuffer.allocate(10 + padded.length() + count * width).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) padded.length());
        buffer.put(padded.getBytes(StandardCharsets.ISO_8859_1));
        for (float[] image : images) {
            for (float value : image) {
                if (width == 8) {
                    buffer.putDouble(value);
                } else {
                    buffer.putFloat(value);
                }
            }
        }
        return buffer.array();
    }

    static byte[] npy(float[][] images) {
        return npy("<f4", images.length + ", 28, 28", images);
    }

    /** An IDX file of unsigned bytes, shape [K,28,28]. */
    static byte[] idx(int[][] levels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
        header.put(new byte[] {0, 0, 0x08, 3}).putInt(levels.length).putInt(28).putInt(28);
        out.writeBytes(header.array());
        for (int[] image : levels) {
            for (int level : image) {
                out.write(level);
            }
        }
        return out.toByteArray();
    }
}
