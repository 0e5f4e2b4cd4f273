package org.adversarialarena.ml.detective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.adversarialarena.ml.image.ImagePixels;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** D's masks and targets are as wide as the dataset has classes; its images are rows of 784 valid pixels. */
class DiscriminatorInputsTest {

    private final DiscriminatorInputs threeClasses = new DiscriminatorInputs(3);

    @Test
    void theClassMaskOpensOnlyEachImagesClass() {
        INDArray mask = threeClasses.classMask(new int[] {2, 0});

        assertThat(mask.toDoubleMatrix()).isEqualTo(new double[][] {{0, 0, 1}, {1, 0, 0}});
    }

    @Test
    void eachImagesTargetFillsItsRow() {
        INDArray targets = threeClasses.targets(0.9, 0);

        assertThat(targets.toFloatMatrix()).isEqualTo(new float[][] {{0.9f, 0.9f, 0.9f}, {0, 0, 0}});
    }

    @Test
    void imagesBecomeRowsAndInvalidPixelsAreRefused() {
        float[] inked = ImagePixels.blank();
        inked[5] = 1f;

        INDArray images = DiscriminatorInputs.images(List.of(ImagePixels.blank(), inked));

        assertThat(images.shape()).containsExactly(2, ImagePixels.COUNT);
        assertThat(images.getRow(1).toFloatVector()).containsExactly(inked);
        assertThatThrownBy(() -> DiscriminatorInputs.images(List.of(new float[3])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DiscriminatorInputs(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
