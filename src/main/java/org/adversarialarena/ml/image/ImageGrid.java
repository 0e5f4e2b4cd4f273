package org.adversarialarena.ml.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Tiles images into one PNG (a row per class, say), for looking at what a generator makes. */
public final class ImageGrid {

    private static final int GAP = 2;

    private ImageGrid() {
    }

    public static void write(List<List<float[]>> rows, Path file) throws IOException {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int side = ImagePixels.SIDE;
        BufferedImage grid = new BufferedImage(columns * (side + GAP) + GAP, rows.size() * (side + GAP) + GAP,
                BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                float[] pixels = ImagePixels.requireValid(rows.get(r).get(c));
                for (int i = 0; i < ImagePixels.COUNT; i++) {
                    grid.getRaster().setSample(GAP + c * (side + GAP) + i % side, GAP + r * (side + GAP) + i / side, 0,
                            Math.round(pixels[i] * 255));
                }
            }
        }
        ImageIO.write(grid, "png", file.toFile());
    }
}
