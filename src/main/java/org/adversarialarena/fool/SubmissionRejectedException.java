package org.adversarialarena.fool;

import org.adversarialarena.base.Refusal;

/** A Fool submission (or probe) the server refused; nothing was stored. The reason names a translation key. */
public class SubmissionRejectedException extends Refusal {

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

    SubmissionRejectedException(Reason reason, String message, Object... arguments) {
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
