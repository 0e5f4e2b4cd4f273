package org.adversarialarena.account;

import java.util.List;
import java.util.UUID;
import org.adversarialarena.audit.AuditType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Test helpers: fresh addresses, acting as someone for the service's method security, reading what was stored. */
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

    /** An instructor invited by {@code admin} who has accepted: their e-mail address. */
    static String activeInstructor(AccountService accounts, String admin, String who) {
        String email = freshEmail(who);
        actAs(admin, "ADMIN");
        OneTimeLink invitation = accounts.invite(email, AccountRole.INSTRUCTOR);
        actAsNobody();
        accounts.acceptInvite(tokenOf(invitation), who, PASSWORD);
        return email;
    }

    static long idOf(JdbcTemplate jdbc, String email) {
        return jdbc.queryForObject("select id from account where lower(email) = lower(?)", Long.class, email);
    }

    static int audited(JdbcTemplate jdbc, AuditType type, String subject) {
        return jdbc.queryForObject("select count(*) from audit_event where type = ? and subject = ?", Integer.class,
                type.name(), subject);
    }
}
