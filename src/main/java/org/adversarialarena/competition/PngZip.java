package org.adversarialarena.competition;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an adversarial set uploaded as a ZIP of PNGs (docs/competitions.md, "Formats"): exactly K
 * entries named by their position in the set ({@code 0.png} … {@code K-1.png}, leading zeros allowed,
 * folders ignored), each a 28×28 grayscale PNG of 8 or 16 bits without alpha. Every entry is read with
 * a bound on its uncompressed size, and an image's size is read from its header before its pixels, so
 * a ZIP bomb or a huge image costs at most that bound. Anything else is refused, naming the entry.
 */
final class PngZip {

    /** A ZIP archive starts with a local file header. */
    static final byte[] MAGIC = {'P', 'K', 3, 4};
    /** Largest uncompressed PNG accepted: a 28×28 16-bit grayscale PNG is under 2 KB even uncompressed. */
    static final int MAX_ENTRY_BYTES = 16 * 1024;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Pattern NAME = Pattern.compile("(?:.*/)?0*(\\d{1,4})\\.png", Pattern.CASE_INSENSITIVE);
    /** Folders and the resource forks macOS adds to archives it makes carry no image. */
    private static final String MAC_FORKS = "__MACOSX/";

    private PngZip() {
    }

    static boolean isZip(byte[] bytes) {
        return bytes.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC);
    }

    /** The K images of the archive, in the set's order, each 784 values in [0, 1]. */
    static float[][] read(byte[] zip, int expected) {
        float[][] images = new float[expected][];
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                if (entry.isDirectory() || name.startsWith(MAC_FORKS)) {
                    continue;
                }
                if (++entries > expected) {
                    throw refused("competition.refused.zip-count", "The archive holds more than K images", expected);
                }
                int position = position(name, expected);
                if (images[position] != null) {
                    throw refused("competition.refused.zip-duplicate", "Two entries name the same image", name);
                }
                images[position] = png(name, bounded(in, name));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw refused("competition.refused.zip-broken", "The ZIP archive is damaged");
        }
        for (int i = 0; i < expected; i++) {
            if (images[i] == null) {
                throw refused("competition.refused.zip-missing", "An image is missing", i, expected - 1);
            }
        }
        return images;
    }

    private static int position(String name, int expected) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            throw refused("competition.refused.zip-name", "An entry is not named <index>.png", name, expected - 1);
        }
        int position = Integer.parseInt(matcher.group(1));
        if (position >= expected) {
            throw refused("competition.refused.zip-name", "An entry is not named <index>.png", name, expected - 1);
        }
        return position;
    }

    /** The entry's bytes, reading at most one byte past the bound whatever the archive claims its size is. */
    private static byte[] bounded(ZipInputStream in, String name) throws IOException {
        byte[] bytes = in.readNBytes(MAX_ENTRY_BYTES + 1);
        if (bytes.length > MAX_ENTRY_BYTES) {
            throw refused("competition.refused.zip-entry-size", "An entry is too large", name, MAX_ENTRY_BYTES / 1024);
        }
        return bytes;
    }

    private static float[] png(String name, byte[] bytes) throws IOException {
        if (bytes.length < PNG_SIGNATURE.length
                || !Arrays.equals(Arrays.copyOf(bytes, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
            throw refused("competition.refused.zip-not-png", "An entry is not a PNG", name);
        }
        BufferedImage image;
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                if (reader.getWidth(0) != ChallengeSet.SIDE || reader.getHeight(0) != ChallengeSet.SIDE) {
                    throw refused("competition.refused.zip-size", "An image is not 28×28", name, reader.getWidth(0),
                            reader.getHeight(0));
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof CompetitionRefusedException refusal) {
                throw refusal;
            }
            throw refused("competition.refused.zip-not-png", "An entry is not a PNG", name);
        }
        return grey(name, image);
    }

    private static float[] grey(String name, BufferedImage image) {
        boolean grey = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        if (!grey || image.getColorModel().hasAlpha() || image.getColorModel().getNumComponents() != 1) {
            throw refused("competition.refused.zip-colour", "An image is not grayscale", name);
        }
        Raster raster = image.getRaster();
        int bits = raster.getSampleModel().getSampleSize(0);
        if (bits != 8 && bits != 16) {
            throw refused("competition.refused.zip-colour", "An image is not grayscale", name);
        }
        float top = (1 << bits) - 1;
        float[] pixels = new float[ChallengeSet.PIXELS];
        for (int y = 0; y < ChallengeSet.SIDE; y++) {
            for (int x = 0; x < ChallengeSet.SIDE; x++) {
                pixels[y * ChallengeSet.SIDE + x] = raster.getSample(x, y, 0) / top;
            }
        }
        return pixels;
    }

    private static CompetitionRefusedException refused(String key, String message, Object... arguments) {
        return CompetitionRefusedException.invalid(key, message, arguments);
    }
}
