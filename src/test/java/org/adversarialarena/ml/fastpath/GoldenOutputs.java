package org.adversarialarena.ml.fastpath;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;

/**
 * What a shipped classifier answers for the first {@link #IMAGES} images of its test split, as the app
 * asks (through a {@link ClassifierPool}): the logits, and the input gradients of the cross-entropy
 * for the true labels. Stored as {@code src/test/resources/golden/<model>-v<version>.bin}, big-endian:
 * the model's name, counts, a checksum of the images, the labels, the logits, the gradients.
 */
record GoldenOutputs(String model, long imagesChecksum, int[] labels, float[][] logits, float[][] gradients) {

    static final int IMAGES = 20;
    private static final int FORMAT = 1;

    /** Computes them in this process (tuned or not, as {@link FastPath} was installed). */
    static GoldenOutputs compute(ClassifierId id) {
        ImageSet test = Datasets.load(id.dataset()).test();
        float[][] images = test.firstImages(IMAGES);
        int[] labels = test.firstLabels(IMAGES);
        ClassifierPool classifier = new ClassifierPool(ClassifierFiles.loadShipped(id), 1);
        return new GoldenOutputs(id.toString(), checksum(images), labels, classifier.logits(images),
                classifier.inputGradients(images, labels));
    }

    /** The recorded outputs of {@code id}, from the test resources. */
    static GoldenOutputs recorded(ClassifierId id) {
        try (InputStream in = GoldenOutputs.class.getResourceAsStream("/golden/" + fileName(id))) {
            if (in == null) {
                throw new IllegalStateException("No golden outputs for " + id + ": record them (GoldenOutputsRecorder)");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fileName(ClassifierId id) {
        return id.name() + "-v" + id.version() + ".bin";
    }

    void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
        data.writeInt(FORMAT);
        data.writeUTF(model);
        data.writeInt(labels.length);
        data.writeInt(logits[0].length);
        data.writeInt(gradients[0].length);
        data.writeLong(imagesChecksum);
        for (int label : labels) {
            data.writeInt(label);
        }
        writeRows(data, logits);
        writeRows(data, gradients);
        data.flush();
    }

    static GoldenOutputs read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in));
        int format = data.readInt();
        if (format != FORMAT) {
            throw new IOException("Golden outputs of format " + format + ", expected " + FORMAT);
        }
        String model = data.readUTF();
        int count = data.readInt();
        int classes = data.readInt();
        int pixels = data.readInt();
        long checksum = data.readLong();
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = data.readInt();
        }
        return new GoldenOutputs(model, checksum, labels, readRows(data, count, classes), readRows(data, count, pixels));
    }

    static long checksum(float[][] images) {
        CRC32 crc = new CRC32();
        for (float[] image : images) {
            ByteBuffer bytes = ByteBuffer.allocate(image.length * Float.BYTES);
            bytes.asFloatBuffer().put(image);
            crc.update(bytes);
        }
        return crc.getValue();
    }

    private static void writeRows(DataOutputStream data, float[][] rows) throws IOException {
        for (float[] row : rows) {
            for (float value : row) {
                data.writeFloat(value);
            }
        }
    }

    private static float[][] readRows(DataInputStream data, int count, int width) throws IOException {
        float[][] rows = new float[count][width];
        for (float[] row : rows) {
            for (int j = 0; j < width; j++) {
                row[j] = data.readFloat();
            }
        }
        return rows;
    }
}
