package org.adversarialarena.ml.data;

/** A dataset file that is missing, truncated or not what its name says; the message names the file. */
public class DatasetFormatException extends IllegalArgumentException {

    public DatasetFormatException(String message) {
        super(message);
    }

    public DatasetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
