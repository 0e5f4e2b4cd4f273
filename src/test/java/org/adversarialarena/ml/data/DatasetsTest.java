package org.adversarialarena.ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

class DatasetsTest {

    @Test
    void shippedMnistHasAllTenThousandDigitsSplitPerClass() {
        DatasetSplit mnist = Datasets.load(DatasetId.MNIST);

        assertThat(mnist.train().size() + mnist.test().size()).isEqualTo(10_000);
        assertThat(mnist.test().size()).isBetween(1_490, 1_510);
        for (int c = 0; c < 10; c++) {
            int train = mnist.train().classCounts()[c];
            int test = mnist.test().classCounts()[c];
            assertThat((double) test / (train + test)).as("class %d", c).isCloseTo(0.15, org.assertj.core.data.Offset.offset(0.01));
        }
        assertThat(Datasets.load(DatasetId.MNIST)).as("loaded once").isSameAs(mnist);
    }

    @Test
    void shippedFashionMnistKeepsItsOfficialSplit() {
        DatasetSplit fashion = Datasets.load(DatasetId.FASHION_MNIST);

        assertThat(fashion.train().size()).isEqualTo(60_000);
        assertThat(fashion.test().size()).isEqualTo(10_000);
        assertThat(fashion.test().classCounts()).containsOnly(1_000);
        assertThat(fashion.train().classCounts()).containsOnly(6_000);
    }

    @Test
    void theSplitIsTheSameForTheSameSeedAndDifferentForAnother() {
        ImageSet all = Datasets.load(DatasetId.MNIST).test();
        DatasetSplit once = Datasets.stratifiedSplit(all, 0.2, 1);
        DatasetSplit again = Datasets.stratifiedSplit(all, 0.2, 1);
        DatasetSplit other = Datasets.stratifiedSplit(all, 0.2, 2);

        assertThat(once.test().image(0)).isEqualTo(again.test().image(0));
        assertThat(once.test().size()).isEqualTo(again.test().size());
        boolean differs = false;
        for (int i = 0; i < 20 && !differs; i++) {
            differs = !Arrays.equals(once.test().image(i), other.test().image(i));
        }
        assertThat(differs).isTrue();
    }

    @Test
    void pixelsAreInTheUnitIntervalAndImagesLookLikeInkOnBlack() {
        ImageSet test = Datasets.load(DatasetId.MNIST).test();
        INDArray features = test.subset(0, 100).features();

        assertThat(features.shape()).containsExactly(100, 784);
        assertThat(features.minNumber().floatValue()).isZero();
        assertThat(features.maxNumber().floatValue()).isEqualTo(1f);
        // Digits are a minority of bright pixels on a black background.
        assertThat(features.meanNumber().doubleValue()).isBetween(0.05, 0.25);
        assertThat(test.subset(0, 100).oneHotLabels().sum(1).toFloatVector()).containsOnly(1f);
    }

    @Test
    void aClassSubsetHoldsOnlyThatClass() {
        ImageSet sevens = Datasets.load(DatasetId.MNIST).train().ofClass(7);
        assertThat(sevens.size()).isGreaterThan(800);
        for (int i = 0; i < sevens.size(); i++) {
            assertThat(sevens.label(i)).isEqualTo(7);
        }
        assertThatThrownBy(() -> sevens.ofClass(10)).hasMessageContaining("Class 10");
    }

    @Test
    void batchesCoverEveryImageOncePerEpochInANewOrder() {
        ImageSet small = Datasets.load(DatasetId.MNIST).test().subset(0, 130);
        ImageBatches batches = small.batches(64, 3);

        int seen = 0;
        float firstPixelSum = 0;
        while (batches.hasNext()) {
            DataSet batch = batches.next();
            seen += batch.numExamples();
            firstPixelSum += batch.getFeatures().getRow(0).sumNumber().floatValue();
        }
        assertThat(seen).isEqualTo(130);
        assertThat(batches.batchesPerEpoch()).isEqualTo(3);

        batches.reset();
        float secondEpochFirstRows = 0;
        while (batches.hasNext()) {
            secondEpochFirstRows += batches.next().getFeatures().getRow(0).sumNumber().floatValue();
        }
        assertThat(secondEpochFirstRows).isNotEqualTo(firstPixelSum);
    }

    @Test
    void aFullSetIsReadFromADirectoryGzippedOrNot(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), images(3));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels(0, 1, 9));
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(images(2)));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(labels(4, 5)));

        assertThat(Datasets.hasFullSet(dir)).isTrue();
        DatasetSplit split = Datasets.load(DatasetId.MNIST, dir);
        assertThat(split.train().size()).isEqualTo(3);
        assertThat(split.train().label(2)).isEqualTo(9);
        assertThat(split.test().label(1)).isEqualTo(5);
        assertThat(split.test().image(1)[783]).isEqualTo(1f);
    }

    @Test
    void aSetWithoutAnotherDropsEveryImageWithTheSamePixelsAndKeepsTheRestInOrder() {
        ImageSet test = Datasets.load(DatasetId.MNIST).test();
        ImageSet kept = test.subset(0, 30).without(test.subset(10, 20));

        assertThat(kept.size()).isEqualTo(20);
        assertThat(kept.image(9)).isEqualTo(test.image(9));
        assertThat(kept.image(10)).isEqualTo(test.image(20));
        assertThat(kept.label(10)).isEqualTo(test.label(20));
        ImageSet train = Datasets.load(DatasetId.MNIST).train().subset(0, 200);
        assertThat(train.without(test).size()).as("the shipped split's parts share no image").isEqualTo(200);
    }

    @Test
    void malformedFilesFailWithAMessageNamingFileAndFault(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> IdxReader.readImages(stream(labels(1, 2)), "x.idx"))
                .isInstanceOf(DatasetFormatException.class).hasMessageContaining("x.idx").hasMessageContaining("magic");
        byte[] truncated = Arrays.copyOf(images(2), 16 + 784 + 100);
        assertThatThrownBy(() -> IdxReader.readImages(stream(truncated), "short.idx"))
                .hasMessageContaining("short.idx").hasMessageContaining("truncated");
        assertThatThrownBy(() -> IdxReader.readImages(stream(new byte[] {0, 0, 8}), "tiny.idx"))
                .hasMessageContaining("truncated header");
        byte[] wrongSize = images(1);
        ByteBuffer.wrap(wrongSize).putInt(8, 32);
        assertThatThrownBy(() -> IdxReader.readImages(stream(wrongSize), "big.idx")).hasMessageContaining("32×28");
        assertThatThrownBy(() -> IdxReader.readLabels(stream(labels(3, 10)), "labels.idx", 10))
                .hasMessageContaining("label 10 at index 1");
        byte[] badCount = images(1);
        ByteBuffer.wrap(badCount).putInt(4, -5);
        assertThatThrownBy(() -> IdxReader.readImages(stream(badCount), "count.idx")).hasMessageContaining("count -5");
        byte[] brokenGzip = Arrays.copyOf(gzip(images(3)), 40);
        assertThatThrownBy(() -> IdxReader.readImages(stream(brokenGzip), "cut.gz")).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("cut.gz");

        Files.write(dir.resolve("train-images-idx3-ubyte"), images(3));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels(0, 1));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), images(1));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), labels(0));
        assertThatThrownBy(() -> Datasets.load(DatasetId.MNIST, dir)).hasMessageContaining("3 images but 2 labels");
        assertThatThrownBy(() -> Datasets.load(DatasetId.MNIST, dir.resolve("absent"))).hasMessageContaining("not found");
    }

    /** {@code count} images whose last pixel is full ink. */
    private static byte[] images(int count) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + count * 784);
        buffer.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(28).putInt(28);
        for (int i = 0; i < count; i++) {
            buffer.position(16 + i * 784 + 783);
            buffer.put((byte) 255);
        }
        return buffer.array();
    }

    private static byte[] labels(int... labels) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length);
        buffer.putInt(IdxReader.LABELS_MAGIC).putInt(labels.length);
        for (int label : labels) {
            buffer.put((byte) label);
        }
        return buffer.array();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    private static ByteArrayInputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
