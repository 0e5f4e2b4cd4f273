package org.adversarialarena.ml.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImagePngTest {

    @Test
    void anImageSurvivesTheRoundTripUpToQuantisation() {
        float[] pixels = new float[ImagePixels.COUNT];
        Random random = new Random(7);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        pixels[0] = 0f;
        pixels[1] = 1f;

        float[] decoded = ImagePng.fromPng(ImagePng.toPng(pixels));

        assertThat(decoded).hasSize(ImagePixels.COUNT);
        for (int i = 0; i < pixels.length; i++) {
            assertThat(decoded[i]).isCloseTo(pixels[i], org.assertj.core.data.Offset.offset(0.5f / 255f + 1e-6f));
        }
        assertThat(decoded[0]).isZero();
        assertThat(decoded[1]).isEqualTo(1f);
    }

    @Test
    void anInvalidImageIsNotEncoded() {
        float[] withNaN = new float[ImagePixels.COUNT];
        withNaN[5] = Float.NaN;
        assertThatThrownBy(() -> ImagePng.toPng(withNaN))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("Pixel 5");
        assertThatThrownBy(() -> ImagePng.toPng(new float[27 * 28]))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("784");
    }

    @Test
    void bytesThatAreNotA28x28GrayPngAreRefused() throws IOException {
        assertThatThrownBy(() -> ImagePng.fromPng(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> ImagePng.fromPng("not a png".getBytes()))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("not a PNG");
        assertThatThrownBy(() -> ImagePng.fromPng(new byte[ImagePng.MAX_BYTES + 1]))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("at most");
        assertThatThrownBy(() -> ImagePng.fromPng(png(new BufferedImage(32, 28, BufferedImage.TYPE_BYTE_GRAY))))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("32×28");
        assertThatThrownBy(() -> ImagePng.fromPng(png(new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB))))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("grayscale");
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
