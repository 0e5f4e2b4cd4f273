package org.adversarialarena.workshop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.adversarialarena.ml.image.ImagePng;

/**
 * A run's submitted images as a ZIP built in memory: one PNG per submission, in a folder per round
 * ({@code round-01-faint-touch/Ann.png}). The archive refuses to grow past its bound, so an export
 * never holds more than that in memory; a 28×28 PNG is under a kilobyte.
 */
final class ImageArchive {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ZipOutputStream zip = new ZipOutputStream(bytes);
    private final Set<String> names = new HashSet<>();
    private final long maxBytes;
    private int images;

    ImageArchive(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The folder of a round: its 1-based number, then the Fool level or {@code forge}. */
    static String folder(int roundIndex, RoundSettings round) {
        return String.format(Locale.ROOT, "round-%02d-%s", roundIndex + 1, round.isForge() ? "forge" : round.level().slug());
    }

    /**
     * A nickname as a file name: letters, digits, '.', '-' and '_' kept, anything else (a path's slash
     * too) becomes '_'; a kicked student's name may be taken again, so a second one gets "-2".
     */
    String fileName(String folder, String nickname) {
        String safe = nickname.replaceAll("[^\\p{L}\\p{N}._-]", "_").replaceFirst("^\\.+", "_");
        String name = folder + "/" + safe + ".png";
        for (int copy = 2; !names.add(name.toLowerCase(Locale.ROOT)); copy++) {
            name = folder + "/" + safe + "-" + copy + ".png";
        }
        return name;
    }

    /** Adds one image; refuses when the archive would pass its bound. */
    void add(String folder, String nickname, float[] pixels) {
        try {
            zip.putNextEntry(new ZipEntry(fileName(folder, nickname)));
            zip.write(ImagePng.toPng(pixels));
            zip.closeEntry();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the ZIP in memory", e);
        }
        images++;
        if (bytes.size() > maxBytes) {
            throw new WorkshopRefusedException("workshop.refused.export-too-large", "The images of this workshop make"
                    + " more than " + maxBytes / 1024 / 1024 + " MB", maxBytes / 1024 / 1024);
        }
    }

    int images() {
        return images;
    }

    byte[] finish() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not finish the ZIP in memory", e);
        }
        return bytes.toByteArray();
    }
}
