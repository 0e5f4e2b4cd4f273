package org.adversarialarena.ml.gan;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.model.NetworkTuning;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A GAN run at the end of an iteration: both networks as DL4J zips with their Adam state, so that
 * training resumed from it continues with the same optimiser moments instead of starting cold.
 *
 * @param iteration     the last iteration completed
 * @param generator     G's zip, updater included
 * @param discriminator D's zip, updater included
 */
public record GanCheckpoint(int iteration, byte[] generator, byte[] discriminator) {

    public static GanCheckpoint of(ConditionalGan gan, int iteration) {
        return new GanCheckpoint(iteration, zip(gan.generator()), zip(gan.discriminator()));
    }

    /** The GAN as it was, tuned like every network the app runs. */
    public ConditionalGan restore(DatasetId dataset, GanLoss loss) {
        return new ConditionalGan(dataset, loss, unzip(generator, "generator"), unzip(discriminator, "discriminator"));
    }

    /** Bytes both zips take, e.g. to report a checkpoint's size. */
    public int size() {
        return generator.length + discriminator.length;
    }

    private static byte[] zip(MultiLayerNetwork network) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 22);
        try {
            ModelSerializer.writeModel(network, bytes, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialise a GAN network", e);
        }
        return bytes.toByteArray();
    }

    private static MultiLayerNetwork unzip(byte[] zip, String which) {
        try {
            return NetworkTuning.apply(ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(zip), true));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The checkpoint's " + which + " cannot be read", e);
        }
    }
}
