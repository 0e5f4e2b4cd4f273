package org.adversarialarena.ml.image;

/** An image that is not 28×28 grayscale with every value finite and in [0, 1]; the message says which rule failed. */
public class InvalidImageException extends IllegalArgumentException {

    public InvalidImageException(String message) {
        super(message);
    }

    public InvalidImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
