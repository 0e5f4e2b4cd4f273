package org.adversarialarena.account;

/** What a one-time link lets its holder do. */
public enum LinkPurpose {
    /** Create the first admin: only while no account exists. */
    SETUP,
    /** Accept an invitation: choose a display name and a password. */
    INVITE,
    /** Choose a new password. */
    RESET
}
