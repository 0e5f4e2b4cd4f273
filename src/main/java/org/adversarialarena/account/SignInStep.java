package org.adversarialarena.account;

/** What follows a correct password. */
enum SignInStep {
    SIGNED_IN,
    /** The account has a second factor: its code comes next. */
    CODE,
    /** Admins must have a second factor and this one has none yet: setting it up comes next. */
    SET_UP_TOTP
}
