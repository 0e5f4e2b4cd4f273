package org.adversarialarena.competition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Uploads as a ZIP of PNGs: the images come back in the order their names give, in [0, 1]; every bad
 * archive is refused with the reason that names the entry: too many or missing images, duplicates,
 * bad names, not a PNG, the wrong size, colour or alpha, an entry that unpacks too large (a ZIP bomb),
 * a damaged archive.
 */
class PngZipTest {

    private static byte[] png(int type, int width, int height, int value) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (type == BufferedImage.TYPE_BYTE_GRAY) {
                    image.getRaster().setSample(x, y, 0, value);
                } else if (type == BufferedImage.TYPE_USHORT_GRAY) {
                    image.getRaster().setSample(x, y, 0, value * 257);
                } else {
                    image.setRGB(x, y, 0xFF000000 | value << 16 | value << 8 | value);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An 8-bit grayscale PNG of the image (784 values in [0, 1]), each pixel on the nearest grey level. */
    static byte[] png(float[] pixels) {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < pixels.length; i++) {
            image.getRaster().setSample(i % 28, i / 28, 0, Math.round(pixels[i] * 255));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The set as a ZIP of PNGs named by position. */
    static byte[] zip(float[][] images) {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
        for (int i = 0; i < images.length; i++) {
            entries.add(Map.entry(i + ".png", png(images[i])));
        }
        return zip(entries);
    }

    private static byte[] grey(int value) {
        return png(BufferedImage.TYPE_BYTE_GRAY, 28, 28, value);
    }

    /** A ZIP of the named entries, in the given order. */
    static byte[] zip(List<Map.Entry<String, byte[]>> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<Map.Entry<String, byte[]>> greys(int count) {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(Map.entry(i + ".png", grey(10 * i)));
        }
        return entries;
    }

    private static void assertRefused(byte[] file, int expected, String key, Object... arguments) {
        assertThatThrownBy(() -> AttackFile.read(file, expected)).isInstanceOfSatisfying(
                CompetitionRefusedException.class, refused -> {
                    assertThat(refused.key()).isEqualTo(key);
                    if (arguments.length > 0) {
                        assertThat(Arrays.copyOf(refused.arguments(), arguments.length)).containsExactly(arguments);
                    }
                });
    }

    @Test
    void imagesComeInTheOrderOfTheirNamesWhateverTheArchivesOrder() {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(List.of(
                Map.entry("set/", new byte[0]),
                Map.entry("set/002.png", grey(255)),
                Map.entry("set/0.png", grey(0)),
                Map.entry("__MACOSX/set/._0.png", new byte[] {1, 2, 3}),
                Map.entry("set/1.PNG", png(BufferedImage.TYPE_USHORT_GRAY, 28, 28, 51))));

        float[][] images = AttackFile.read(zip(entries), 3);

        assertThat(images).hasNumberOfRows(3);
        assertThat(images[0]).containsOnly(0f);
        assertThat(images[1]).containsOnly(0.2f);
        assertThat(images[2]).containsOnly(1f);
    }

    @Test
    void eightBitGreyLevelsBecomeLevelOver255() {
        float[][] images = AttackFile.read(zip(greys(2)), 2);

        assertThat(images[1][0]).isEqualTo(10 / 255f);
    }

    @Test
    void tooManyOrMissingImagesAreRefused() {
        assertRefused(zip(greys(3)), 2, "competition.refused.zip-count", 2);
        assertRefused(zip(greys(2)), 3, "competition.refused.zip-missing", 2, 2);
        List<Map.Entry<String, byte[]>> gap = greys(3);
        gap.remove(1);
        assertRefused(zip(gap), 2, "competition.refused.zip-name", "2.png", 1);
    }

    @Test
    void duplicateAndBadNamesAreRefused() {
        List<Map.Entry<String, byte[]>> twice = greys(1);
        twice.add(Map.entry("again/00.png", grey(1)));
        assertRefused(zip(twice), 2, "competition.refused.zip-duplicate", "again/00.png");
        assertRefused(zip(List.of(Map.entry("0.png", grey(0)), Map.entry("readme.txt", new byte[] {'h', 'i'}))), 2,
                "competition.refused.zip-name", "readme.txt", 1);
        assertRefused(zip(List.of(Map.entry("0.png", grey(0)), Map.entry("-1.png", grey(0)))), 2,
                "competition.refused.zip-name", "-1.png", 1);
    }

    @Test
    void entriesThatAreNotGreyPngsOf28By28AreRefused() {
        assertRefused(zip(List.of(Map.entry("0.png", "not an image".getBytes()))), 1, "competition.refused.zip-not-png",
                "0.png");
        byte[] truncated = Arrays.copyOf(grey(128), 40);
        assertRefused(zip(List.of(Map.entry("0.png", truncated))), 1, "competition.refused.zip-not-png", "0.png");
        assertRefused(zip(List.of(Map.entry("0.png", png(BufferedImage.TYPE_BYTE_GRAY, 28, 29, 0)))), 1,
                "competition.refused.zip-size", "0.png", 28, 29);
        assertRefused(zip(List.of(Map.entry("0.png", png(BufferedImage.TYPE_INT_RGB, 28, 28, 7)))), 1,
                "competition.refused.zip-colour", "0.png");
        assertRefused(zip(List.of(Map.entry("0.png", png(BufferedImage.TYPE_INT_ARGB, 28, 28, 7)))), 1,
                "competition.refused.zip-colour", "0.png");
    }

    @Test
    void anEntryThatUnpacksLargerThanTheBoundIsRefusedWithoutUnpackingIt() {
        // 100 MB of zeros compress to about 100 KB: read past the bound, this would fill the heap
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("0.png"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 100; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(out.size()).isLessThan(200_000);

        assertRefused(out.toByteArray(), 1, "competition.refused.zip-entry-size", "0.png", 16);
    }

    @Test
    void aDamagedArchiveIsRefused() {
        byte[] whole = zip(greys(2));
        assertRefused(Arrays.copyOf(whole, 60), 2, "competition.refused.zip-broken");
    }
}
