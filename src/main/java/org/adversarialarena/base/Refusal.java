package org.adversarialarena.base;

/**
 * A request the server refused and acted on in no way (nothing stored, nothing counted): the exception's
 * message is for the log; the person reads the translation of {@link #key()} with {@link #arguments()}.
 */
public abstract class Refusal extends RuntimeException {

    private final transient Object[] arguments;

    protected Refusal(String message, Object... arguments) {
        super(message);
        this.arguments = arguments.clone();
    }

    /** The translation key of what the person is told. */
    public abstract String key();

    /** The values the translated message refers to as {0}, {1}, … */
    public Object[] arguments() {
        return arguments.clone();
    }
}
