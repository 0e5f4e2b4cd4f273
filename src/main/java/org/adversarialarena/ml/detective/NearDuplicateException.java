package org.adversarialarena.ml.detective;

/** A submitted forgery is (almost) a copy of a real image: copying is not forging. */
public class NearDuplicateException extends RuntimeException {

    private final double distance;

    public NearDuplicateException(double distance, double threshold) {
        super(String.format(java.util.Locale.ROOT,
                "This image is a near copy of a real image (pixel distance %.3f, copies are below %.3f): forge, don't copy.",
                distance, threshold));
        this.distance = distance;
    }

    /** The root-mean-square pixel distance to the nearest real image. */
    public double distance() {
        return distance;
    }
}
