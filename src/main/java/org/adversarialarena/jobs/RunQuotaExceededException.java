package org.adversarialarena.jobs;

import org.adversarialarena.base.Refusal;

/** A run was refused because its owner is over a quota; nothing was queued. The reason names a translation key. */
public class RunQuotaExceededException extends Refusal {

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

    RunQuotaExceededException(Reason reason, String message, Object... arguments) {
        super(message, arguments);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String key() {
        return reason.key();
    }
}
