package org.adversarialarena.competition;

import org.adversarialarena.base.Refusal;

/** A competition action refused with a reason the person reads in their language; nothing was stored or counted. */
public class CompetitionRefusedException extends Refusal {

    private final String key;
    private final Kind kind;

    /** What kind of refusal, so the API can answer with the right HTTP status. */
    public enum Kind {
        /** Bad input: a file, a setting. */
        INVALID,
        /** Missing, foreign, expired or revoked credentials. */
        UNAUTHORISED,
        /** Not allowed now: outside the phase, over a cap. */
        NOT_NOW,
        /** No such thing, or one the person may not see. */
        NOT_FOUND
    }

    CompetitionRefusedException(Kind kind, String key, String message, Object... arguments) {
        super(message, arguments);
        this.kind = kind;
        this.key = key;
    }

    public static CompetitionRefusedException invalid(String key, String message, Object... arguments) {
        return new CompetitionRefusedException(Kind.INVALID, key, message, arguments);
    }

    static CompetitionRefusedException notNow(String key, String message, Object... arguments) {
        return new CompetitionRefusedException(Kind.NOT_NOW, key, message, arguments);
    }

    static CompetitionRefusedException notFound() {
        return new CompetitionRefusedException(Kind.NOT_FOUND, "competition.refused.not-found", "No such competition");
    }

    static CompetitionRefusedException unauthorised() {
        return new CompetitionRefusedException(Kind.UNAUTHORISED, "competition.refused.token",
                "A valid personal access token for this competition is needed");
    }

    @Override
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }
}
