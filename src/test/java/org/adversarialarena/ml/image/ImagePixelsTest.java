package org.adversarialarena.ml.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImagePixelsTest {

    @Test
    void aValidImageIsCopiedSoTheCallerCannotChangeItLater() {
        float[] pixels = ImagePixels.blank();
        float[] copy = ImagePixels.requireValid(pixels);
        pixels[0] = 1f;
        assertThat(copy[0]).isZero();
    }

    @Test
    void everyBrokenRuleIsNamed() {
        assertThatThrownBy(() -> ImagePixels.requireValid(null)).hasMessageContaining("required");
        assertThatThrownBy(() -> ImagePixels.requireValid(new float[785])).hasMessageContaining("785 were given");
        float[] infinite = ImagePixels.blank();
        infinite[783] = Float.POSITIVE_INFINITY;
        assertThatThrownBy(() -> ImagePixels.requireValid(infinite)).hasMessageContaining("Pixel 783").hasMessageContaining("finite");
        float[] tooBright = ImagePixels.blank();
        tooBright[10] = 1.5f;
        assertThatThrownBy(() -> ImagePixels.requireValid(tooBright)).hasMessageContaining("[0, 1]");
        float[] negative = ImagePixels.blank();
        negative[11] = -0.01f;
        assertThatThrownBy(() -> ImagePixels.requireValid(negative)).isInstanceOf(InvalidImageException.class);
    }

    @Test
    void inkedPixelsAreCounted() {
        float[] pixels = ImagePixels.blank();
        pixels[3] = 0.2f;
        pixels[400] = 1f;
        assertThat(ImagePixels.inkedCount(pixels)).isEqualTo(2);
    }
}
