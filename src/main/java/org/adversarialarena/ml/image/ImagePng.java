package org.adversarialarena.ml.image;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Converts images to and from 8-bit grayscale PNG, the form in which forgeries, sketches and
 * adversarial examples are stored. PNG is lossless, so an image survives the round trip up to the
 * 1/255 quantisation of its pixel values.
 */
public final class ImagePng {

    /** Larger payloads cannot be a 28×28 grayscale PNG and are refused before decoding. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final int LEVELS = 255;

    private ImagePng() {
    }

    public static byte[] toPng(float[] pixels) {
        float[] valid = ImagePixels.requireValid(pixels);
        BufferedImage image = new BufferedImage(ImagePixels.SIDE, ImagePixels.SIDE, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int i = 0; i < ImagePixels.COUNT; i++) {
            raster.setSample(i % ImagePixels.SIDE, i / ImagePixels.SIDE, 0, Math.round(valid[i] * LEVELS));
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(1024);
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode PNG in memory", e);
        }
        return png.toByteArray();
    }

    public static float[] fromPng(byte[] png) {
        if (png == null || png.length == 0) {
            throw new InvalidImageException("The PNG is empty.");
        }
        if (png.length > MAX_BYTES) {
            throw new InvalidImageException("The PNG has " + png.length + " bytes; at most " + MAX_BYTES + " are accepted.");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new InvalidImageException("The bytes are not a readable PNG: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new InvalidImageException("The bytes are not a PNG image.");
        }
        if (image.getWidth() != ImagePixels.SIDE || image.getHeight() != ImagePixels.SIDE) {
            throw new InvalidImageException("The PNG is " + image.getWidth() + "×" + image.getHeight()
                    + "; images are " + ImagePixels.SIDE + "×" + ImagePixels.SIDE + ".");
        }
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new InvalidImageException("The PNG is not 8-bit grayscale; images are stored as 8-bit grayscale.");
        }
        float[] pixels = new float[ImagePixels.COUNT];
        for (int i = 0; i < ImagePixels.COUNT; i++) {
            pixels[i] = image.getRaster().getSample(i % ImagePixels.SIDE, i / ImagePixels.SIDE, 0) / (float) LEVELS;
        }
        return pixels;
    }
}
