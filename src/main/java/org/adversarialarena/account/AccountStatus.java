package org.adversarialarena.account;

/** Where an account is in its life: only an active account signs in. */
public enum AccountStatus {
    /** Invited by an admin; becomes active when the invitation link sets a password. */
    INVITED,
    /** Registered by its owner while self-registration was open; an admin approves it. */
    PENDING_APPROVAL,
    ACTIVE,
    DISABLED
}
