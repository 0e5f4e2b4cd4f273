package org.adversarialarena.audit;

/** What an audit event records. */
public enum AuditType {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_IN_LOCKED,
    SIGN_OUT,
    SECOND_FACTOR_FAILED,
    FIRST_ADMIN_CREATED,
    SETUP_LINK_ISSUED,
    INVITED,
    INVITE_ACCEPTED,
    REGISTERED,
    REGISTRATION_APPROVED,
    REGISTRATION_SWITCHED,
    RESET_ISSUED,
    PASSWORD_RESET,
    ROLE_CHANGED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    TOTP_ENABLED,
    TOTP_DISABLED,
    /** Someone asked every node to end an account's sessions (directly, or by disabling it or changing its role). */
    SESSIONS_END_REQUESTED,
    /** A node ended the sessions it held of an account: who asked, whose, how many, which node. */
    SESSIONS_ENDED,
    /** A workshop's host took a student out (may join again) or banned them (may not). */
    WORKSHOP_KICK,
    WORKSHOP_BAN,
    /** A workshop's results left the app: a CSV export (student ids included), or publishing to the global boards. */
    WORKSHOP_EXPORT,
    WORKSHOP_PUBLISHED,
    /** An admin cancelled someone's training run from the queue page, or moved it in the queue. */
    TRAINING_RUN_CANCELLED,
    TRAINING_RUN_REPRIORITISED,
    /** An instructor hosted a competition (its target, tracks, caps and phase schedule: phases change by that schedule). */
    COMPETITION_HOSTED,
    /** A competition's host (or an admin) exported every submission and score as CSV. */
    COMPETITION_EXPORT,
    /** A participant created or revoked a personal access token of a competition's API. */
    COMPETITION_TOKEN_CREATED,
    COMPETITION_TOKEN_REVOKED,
    /** A participant cancelled one of their queued or training defenses. */
    COMPETITION_DEFENSE_CANCELLED
}
