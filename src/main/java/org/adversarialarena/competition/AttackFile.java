package org.adversarialarena.competition;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an uploaded adversarial set: NumPy {@code .npy} (version 1 or 2, little-endian float32 or
 * float64, C order, shape [K,28,28], [K,784] or [K,1,28,28]) or IDX (unsigned bytes scaled by 1/255,
 * or big-endian float32, shape [K,28,28]) or a ZIP of K grayscale PNGs ({@link PngZip}). Every value
 * must be finite and in [0, 1]. Anything else is
 * refused with a reason; nothing is read past a refusal.
 */
final class AttackFile {

    private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private AttackFile() {
    }

    /** The K images of the file, each 784 values. */
    static float[][] read(byte[] bytes, int expectedImages) {
        if (bytes.length >= NPY_MAGIC.length && Arrays.equals(Arrays.copyOf(bytes, NPY_MAGIC.length), NPY_MAGIC)) {
            return checked(npy(bytes, expectedImages));
        }
        if (bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 0 && (bytes[2] == 0x08 || bytes[2] == 0x0D)) {
            return checked(idx(bytes, expectedImages));
        }
        if (PngZip.isZip(bytes)) {
            return checked(PngZip.read(bytes, expectedImages));
        }
        throw refused("competition.refused.format", "Not a NumPy .npy, IDX or ZIP-of-PNG file");
    }

    private static float[][] npy(byte[] bytes, int expected) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes.length > 7 ? bytes[6] : 0;
        int headerLength;
        int headerStart;
        if (major == 1 && bytes.length >= 10) {
            headerLength = Short.toUnsignedInt(buffer.getShort(8));
            headerStart = 10;
        } else if ((major == 2 || major == 3) && bytes.length >= 12) {
            headerLength = buffer.getInt(8);
            headerStart = 12;
        } else {
            throw refused("competition.refused.format", "Not a NumPy .npy or IDX file");
        }
        if (headerLength < 0 || headerStart + headerLength > bytes.length) {
            throw refused("competition.refused.format", "Not a NumPy .npy or IDX file");
        }
        String header = new String(bytes, headerStart, headerLength, StandardCharsets.ISO_8859_1);
        String descr = group(DESCR.matcher(header));
        boolean fortran = "True".equals(group(FORTRAN.matcher(header)));
        String shape = group(SHAPE.matcher(header));
        int width = switch (descr) {
            case "<f4" -> 4;
            case "<f8" -> 8;
            default -> throw refused("competition.refused.dtype", "Values must be float32 or float64 (little-endian)", descr);
        };
        if (fortran) {
            throw refused("competition.refused.format", "Not a NumPy .npy or IDX file");
        }
        int[] dims = Arrays.stream(shape.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .mapToInt(AttackFile::dimension).toArray();
        requireShape(dims, expected);
        int dataStart = headerStart + headerLength;
        if (bytes.length - dataStart != (long) expected * ChallengeSet.PIXELS * width) {
            throw refused("competition.refused.shape", "The file's size does not match its shape", expected);
        }
        float[][] images = new float[expected][ChallengeSet.PIXELS];
        int at = dataStart;
        for (float[] image : images) {
            for (int p = 0; p < ChallengeSet.PIXELS; p++, at += width) {
                image[p] = width == 4 ? buffer.getFloat(at) : (float) buffer.getDouble(at);
            }
        }
        return images;
    }

    private static float[][] idx(byte[] bytes, int expected) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        boolean unsigned = bytes[2] == 0x08;
        int rank = bytes[3];
        if (rank < 2 || rank > 3 || bytes.length < 4 + 4 * rank) {
            throw refused("competition.refused.shape", "Expected shape [K,28,28] or [K,784]", expected);
        }
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = buffer.getInt(4 + 4 * i);
        }
        requireShape(dims, expected);
        int width = unsigned ? 1 : 4;
        int dataStart = 4 + 4 * rank;
        if (bytes.length - dataStart != (long) expected * ChallengeSet.PIXELS * width) {
            throw refused("competition.refused.shape", "The file's size does not match its shape", expected);
        }
        float[][] images = new float[expected][ChallengeSet.PIXELS];
        int at = dataStart;
        for (float[] image : images) {
            for (int p = 0; p < ChallengeSet.PIXELS; p++, at += width) {
                image[p] = unsigned ? Byte.toUnsignedInt(bytes[at]) / 255f : buffer.getFloat(at);
            }
        }
        return images;
    }

    private static void requireShape(int[] dims, int expected) {
        boolean flat = dims.length == 2 && dims[1] == ChallengeSet.PIXELS;
        boolean square = dims.length == 3 && dims[1] == ChallengeSet.SIDE && dims[2] == ChallengeSet.SIDE;
        boolean channel = dims.length == 4 && dims[1] == 1 && dims[2] == ChallengeSet.SIDE && dims[3] == ChallengeSet.SIDE;
        if (!(flat || square || channel) || dims[0] != expected) {
            throw refused("competition.refused.shape", "Expected shape [K,28,28] or [K,784]", expected);
        }
    }

    private static float[][] checked(float[][] images) {
        for (int i = 0; i < images.length; i++) {
            for (float value : images[i]) {
                if (!Float.isFinite(value)) {
                    throw refused("competition.refused.nan", "Image has a NaN or infinite value", i);
                }
                if (value < 0f || value > 1f) {
                    throw refused("competition.refused.range", "Image has a value outside [0, 1]", i);
                }
            }
        }
        return images;
    }

    private static int dimension(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw refused("competition.refused.format", "Not a NumPy .npy or IDX file");
        }
    }

    private static String group(Matcher matcher) {
        if (!matcher.find()) {
            throw refused("competition.refused.format", "Not a NumPy .npy or IDX file");
        }
        return matcher.group(1);
    }

    private static CompetitionRefusedException refused(String key, String message, Object... arguments) {
        return CompetitionRefusedException.invalid(key, message, arguments);
    }

    /** The set as NumPy {@code .npy} version 1, float32 [K,28,28]: what participants download and attack. */
    static byte[] npy(float[][] images) {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + images.length + ", 28, 28), }";
        int unpadded = 10 + header.length() + 1;
        String padded = header + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(10 + padded.length() + images.length * ChallengeSet.PIXELS * 4)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(NPY_MAGIC).put((byte) 1).put((byte) 0).putShort((short) padded.length());
        buffer.put(padded.getBytes(StandardCharsets.ISO_8859_1));
        for (float[] image : images) {
            for (float value : image) {
                buffer.putFloat(value);
            }
        }
        return buffer.array();
    }

    /** Images as raw float32 little-endian, as stored. */
    static byte[] raw(float[][] images) {
        ByteBuffer buffer = ByteBuffer.allocate(images.length * ChallengeSet.PIXELS * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] image : images) {
            for (float value : image) {
                buffer.putFloat(value);
            }
        }
        return buffer.array();
    }

    static float[][] fromRaw(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[][] images = new float[bytes.length / (ChallengeSet.PIXELS * 4)][ChallengeSet.PIXELS];
        for (float[] image : images) {
            for (int p = 0; p < ChallengeSet.PIXELS; p++) {
                image[p] = buffer.getFloat();
            }
        }
        return images;
    }
}
