package org.adversarialarena.account;

/** What an account may do: an admin manages accounts and sees everything; an instructor runs courses. */
public enum AccountRole {
    ADMIN,
    INSTRUCTOR;

    /** The Spring Security authority, as {@code @RolesAllowed} and {@code hasRole} expect it. */
    public String authority() {
        return "ROLE_" + name();
    }
}
