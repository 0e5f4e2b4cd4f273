package org.adversarialarena.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An image that is only looked at goes to the browser in as few characters as the screen needs. */
class PixelImageTest {

    @Test
    void valuesAreSentToThreeDecimalsWhichIsFinerThanAScreensColourSteps() {
        PixelImage image = new PixelImage(new float[] {1f / 255f, 1f, -0.5f, 0.123456f}, PixelImage.Palette.SIGNED, "");

        assertThat(String.valueOf(image.getElement().getPropertyRaw("pixels"))).isEqualTo("[0.004,1.0,-0.5,0.123]");
    }

    @Test
    void anImageThatIsNotSquareOrNotFiniteIsRefused() {
        PixelImage image = new PixelImage();

        assertThatThrownBy(() -> image.setPixels(new float[3])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> image.setPixels(new float[] {0, 0, 0, Float.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
