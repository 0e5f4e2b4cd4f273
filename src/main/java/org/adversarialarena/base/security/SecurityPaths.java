package org.adversarialarena.base.security;

/** Paths the security configuration must know before any feature does. */
public final class SecurityPaths {

    /** The sign-in view's route, where navigation access control sends anyone who must sign in. */
    public static final String LOGIN = "login";

    private SecurityPaths() {
    }
}
