package org.adversarialarena.jobs;

import java.util.Arrays;

/** A run was refused because its owner is over a quota; nothing was queued. The reason names a translation key. */
public class RunQuotaExceededException extends RuntimeException {

    /** Which quota. */
    public enum Reason {
        TOO_MANY_RUNNING("too-many-running"),
        TOO_MANY_STEPS("too-many-steps");

        private final String slug;

        Reason(String slug) {
            this.slug = slug;
        }

        public String key() {
            return "jobs.quota." + slug;
        }
    }

    private final Reason reason;
    private final Object[] arguments;

    RunQuotaExceededException(Reason reason, String message, Object... arguments) {
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
