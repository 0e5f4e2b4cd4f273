package org.adversarialarena.ml.serve;

import java.util.List;
import org.adversarialarena.ml.image.ImagePixels;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Images as the rows of one network input, each checked ({@link ImagePixels#requireValid}). Built in
 * Java and handed to ND4J once: stacking arrays that are already native ({@code Nd4j.vstack}) costs a
 * native concatenation per batch, which for combined one-image requests weighed a seventh of the
 * forward pass itself.
 */
public final class ImageRows {

    private ImageRows() {
    }

    /** One row per image, in their order. */
    public static INDArray of(List<float[]> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("At least one image is required");
        }
        float[] flat = new float[images.size() * ImagePixels.COUNT];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(ImagePixels.requireValid(images.get(i)), 0, flat, i * ImagePixels.COUNT, ImagePixels.COUNT);
        }
        return Nd4j.create(flat, new long[] {images.size(), ImagePixels.COUNT}, 'c');
    }
}
