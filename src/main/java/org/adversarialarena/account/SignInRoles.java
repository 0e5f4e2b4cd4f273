package org.adversarialarena.account;

import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authorities of someone half-way through signing in: they reach the code or set-up page and
 * nothing else, because no view or service allows these roles besides those pages.
 */
public final class SignInRoles {

    /** Password right, code of the second factor still to come. */
    public static final String CODE_PENDING = "TOTP_PENDING";
    /** Password right, but admins must have a second factor and this one has none yet. */
    public static final String TOTP_SETUP = "TOTP_SETUP";

    private SignInRoles() {
    }

    static Authentication withOnly(String email, String role) {
        return UsernamePasswordAuthenticationToken.authenticated(email, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    static boolean has(Authentication authentication, String role) {
        return authentication.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }
}
