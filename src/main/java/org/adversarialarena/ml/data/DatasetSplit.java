package org.adversarialarena.ml.data;

/** The images a model learns from and the held-out images it is measured on. */
public record DatasetSplit(ImageSet train, ImageSet test) {
}
