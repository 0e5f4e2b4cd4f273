package org.adversarialarena.ml.gan;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.model.Networks;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A GAN run at the end of an iteration: each network's configuration, parameters and Adam state, so
 * that training resumed from it continues with the same optimiser moments instead of starting cold.
 * Uncompressed, unlike {@code ModelSerializer}'s zips: trained weights barely compress, and
 * deflating them was most of a checkpoint's cost (docs/jobs.md).
 *
 * @param iteration     the last iteration completed
 * @param generator     G as written by {@link #of}
 * @param discriminator D as written by {@link #of}
 */
public record GanCheckpoint(int iteration, byte[] generator, byte[] discriminator) {

    private static final int FORMAT = 1;

    public static GanCheckpoint of(ConditionalGan gan, int iteration) {
        return new GanCheckpoint(iteration, write(gan.generator()), write(gan.discriminator()));
    }

    /** The GAN as it was, tuned like every network the app runs. */
    public ConditionalGan restore(DatasetId dataset, GanLoss loss) {
        return new ConditionalGan(dataset, loss, read(generator, "generator"), read(discriminator, "discriminator"));
    }

    /** Bytes both networks take, e.g. to report a checkpoint's size. */
    public int size() {
        return generator.length + discriminator.length;
    }

    private static byte[] write(MultiLayerNetwork network) {
        INDArray state = network.getUpdater().getStateViewArray();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(
                (int) (4 * (network.numParams() + (state == null ? 0 : state.length()))) + (1 << 16));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            byte[] configuration = network.getLayerWiseConfigurations().toJson().getBytes(StandardCharsets.UTF_8);
            out.writeInt(configuration.length);
            out.write(configuration);
            writeFloats(network.params(), out);
            out.writeBoolean(state != null);
            if (state != null) {
                writeFloats(state, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a GAN network", e);
        }
        return bytes.toByteArray();
    }

    /** A flat float array in one bulk copy: ND4J's own stream format writes one element at a time, ten times slower. */
    private static void writeFloats(INDArray flat, DataOutputStream out) throws IOException {
        float[] values = flat.toFloatVector();
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES);
        buffer.asFloatBuffer().put(values);
        out.writeInt(values.length);
        out.write(buffer.array());
    }

    private static INDArray readFloats(DataInputStream in) throws IOException {
        int length = in.readInt();
        float[] values = new float[length];
        ByteBuffer.wrap(in.readNBytes(length * Float.BYTES)).asFloatBuffer().get(values);
        return Nd4j.create(values, new long[] {1, length}, 'c');
    }

    private static MultiLayerNetwork read(byte[] bytes, String which) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != FORMAT) {
                throw new IOException("unknown format");
            }
            byte[] configuration = in.readNBytes(in.readInt());
            INDArray parameters = readFloats(in);
            @Nullable INDArray updaterState = in.readBoolean() ? readFloats(in) : null;
            return Networks.restoreWithoutForwardCache(
                    MultiLayerConfiguration.fromJson(new String(configuration, StandardCharsets.UTF_8)), parameters,
                    updaterState);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The checkpoint's " + which + " cannot be read", e);
        }
    }
}
