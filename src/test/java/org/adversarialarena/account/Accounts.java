package org.adversarialarena.account;

import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Test helpers: fresh addresses, and acting as someone for the service's method security. */
final class Accounts {

    static final String PASSWORD = "a long and unusual passphrase";

    private Accounts() {
    }

    static String freshEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    static void actAs(String email, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                email, null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    static void actAsNobody() {
        SecurityContextHolder.clearContext();
    }

    static String tokenOf(OneTimeLink link) {
        return link.url().substring(link.url().indexOf("token=") + "token=".length());
    }
}
