package org.adversarialarena.ml.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of the MNIST family (big-endian header, then unsigned bytes), gzipped or
 * not. Everything is checked before it is trusted: magic number, dimensions, counts and label range,
 * and a short file is reported as truncated rather than read as zeros.
 */
final class IdxReader {

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    private static final int SIDE = 28;
    /** Far more than any MNIST-like set; a larger count means a corrupt header, not a big dataset. */
    private static final int MAX_COUNT = 1_000_000;

    private IdxReader() {
    }

    /** The images as one array of {@code count × 784} unsigned bytes. */
    static byte[] readImages(InputStream raw, String name) {
        return read(raw, name, IMAGES_MAGIC, "image", (in, count) -> {
            int rows = in.readInt();
            int columns = in.readInt();
            if (rows != SIDE || columns != SIDE) {
                throw new DatasetFormatException(name + ": images are " + rows + "×" + columns + ", expected 28×28");
            }
            byte[] pixels = new byte[count * SIDE * SIDE];
            readFully(in, pixels, name, count + " images");
            return pixels;
        });
    }

    static int[] readLabels(InputStream raw, String name, int classCount) {
        return read(raw, name, LABELS_MAGIC, "label", (in, count) -> {
            byte[] bytes = new byte[count];
            readFully(in, bytes, name, count + " labels");
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = Byte.toUnsignedInt(bytes[i]);
                if (labels[i] >= classCount) {
                    throw new DatasetFormatException(name + ": label " + labels[i] + " at index " + i
                            + " is outside 0.." + (classCount - 1));
                }
            }
            return labels;
        });
    }

    /** What follows an IDX file's magic number and item count. */
    @FunctionalInterface
    private interface Items<T> {
        T read(DataInputStream in, int count) throws IOException;
    }

    /** Checks the magic number of a {@code kind} file and its item count, then reads the items. */
    private static <T> T read(InputStream raw, String name, int magic, String kind, Items<T> items) {
        try (DataInputStream in = open(raw, name)) {
            int found = in.readInt();
            if (found != magic) {
                throw new DatasetFormatException(name + ": not an IDX " + kind + " file (magic number 0x"
                        + Integer.toHexString(found) + ", expected 0x" + Integer.toHexString(magic) + ")");
            }
            return items.read(in, checkedCount(in.readInt(), name));
        } catch (EOFException e) {
            throw new DatasetFormatException(name + ": truncated header", e);
        } catch (IOException e) {
            throw new DatasetFormatException(name + ": unreadable (" + e.getMessage() + ")", e);
        }
    }

    private static DataInputStream open(InputStream raw, String name) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        boolean gzipped = first == 0x1f && second == 0x8b;
        return new DataInputStream(gzipped ? new GZIPInputStream(buffered, 1 << 16) : buffered);
    }

    private static int checkedCount(int count, String name) {
        if (count <= 0 || count > MAX_COUNT) {
            throw new DatasetFormatException(name + ": implausible item count " + count);
        }
        return count;
    }

    private static void readFully(DataInputStream in, byte[] target, String name, String what) throws IOException {
        try {
            in.readFully(target);
        } catch (EOFException e) {
            throw new DatasetFormatException(name + ": truncated, the header announces " + what
                    + " but the file ends before", e);
        }
    }
}
