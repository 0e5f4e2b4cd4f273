package org.adversarialarena.ml.detective;

import java.util.List;
import org.adversarialarena.ml.serve.ImageRows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The arrays the detective's discriminator reads. D has one output per class and is read, and
 * trained, only at an image's class, so beside the images it takes a class mask and a target per
 * image, both as wide as the dataset has classes.
 */
record DiscriminatorInputs(int classCount) {

    DiscriminatorInputs {
        if (classCount < 2) {
            throw new IllegalArgumentException("A discriminator judges at least two classes, not " + classCount);
        }
    }

    /** The images as an {@code [n, 784]} matrix. */
    static INDArray images(List<float[]> images) {
        return ImageRows.of(images);
    }

    /** One row per image with 1 at its class: the label mask that hides the other classes' outputs. */
    INDArray classMask(int[] classes) {
        INDArray mask = Nd4j.zeros(DataType.FLOAT, classes.length, classCount);
        for (int i = 0; i < classes.length; i++) {
            mask.putScalar(i, classes[i], 1f);
        }
        return mask;
    }

    /** One row per image holding its target in every column; the class mask keeps only its class's. */
    INDArray targets(double... perImage) {
        INDArray targets = Nd4j.zeros(DataType.FLOAT, perImage.length, classCount);
        for (int i = 0; i < perImage.length; i++) {
            targets.getRow(i).assign(perImage[i]);
        }
        return targets;
    }
}
