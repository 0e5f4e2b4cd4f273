package org.adversarialarena.fool;

import java.util.Arrays;

/** A Fool submission (or probe) the server refused; nothing was stored. The reason names a translation key. */
public class SubmissionRejectedException extends RuntimeException {

    /** Why a submission was refused. */
    public enum Reason {
        INVALID_IMAGE("invalid-image"),
        UNKNOWN_CHALLENGE("unknown-challenge"),
        CHALLENGE_CLOSED("closed"),
        CHALLENGE_EXPIRED("expired"),
        OVER_BUDGET("over-budget"),
        NO_QUERIES_LEFT("no-queries-left"),
        NOT_HIDDEN("not-hidden");

        private final String slug;

        Reason(String slug) {
            this.slug = slug;
        }

        public String key() {
            return "fool.rejected." + slug;
        }
    }

    private final Reason reason;
    private final Object[] arguments;

    SubmissionRejectedException(Reason reason, String message, Object... arguments) {
        super(message);
        this.reason = reason;
        this.arguments = arguments.clone();
    }

    public Reason reason() {
        return reason;
    }

    /** The values the translated message refers to as {0}, {1}, … */
    public Object[] arguments() {
        return Arrays.copyOf(arguments, arguments.length);
    }
}
