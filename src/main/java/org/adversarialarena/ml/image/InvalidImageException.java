package org.adversarialarena.ml.image;

import java.util.Locale;

/**
 * An image that is not 28×28 grayscale with every value finite and in [0, 1]; the message says which
 * rule failed, for the log. A page tells the person through {@link #problem()} and {@link #arguments()},
 * in their language.
 */
public class InvalidImageException extends IllegalArgumentException {

    /** Which rule the image broke; {@link #key()} names its text for people. */
    public enum Problem {
        MISSING, WRONG_SIZE, NOT_FINITE, OUT_OF_RANGE, UNREADABLE, BLANK;

        public String key() {
            return "image.invalid." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Problem problem;
    private final transient Object[] arguments;

    public InvalidImageException(Problem problem, String message, Object... arguments) {
        super(message);
        this.problem = problem;
        this.arguments = arguments.clone();
    }

    /** An image that cannot be read (a stored PNG, a browser's report); people are told only that. */
    public InvalidImageException(String message) {
        this(Problem.UNREADABLE, message);
    }

    public InvalidImageException(String message, Throwable cause) {
        super(message, cause);
        this.problem = Problem.UNREADABLE;
        this.arguments = new Object[0];
    }

    public Problem problem() {
        return problem;
    }

    /** The values the problem's text refers to as {0}, {1}, … */
    public Object[] arguments() {
        return arguments.clone();
    }
}
