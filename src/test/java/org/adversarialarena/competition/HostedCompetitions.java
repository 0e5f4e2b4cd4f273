package org.adversarialarena.competition;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Competitions the tests need running now: hosted by a new instructor, who is signed out again. */
public final class HostedCompetitions {

    private HostedCompetitions() {
    }

    /**
     * A new active account with {@code role} (INSTRUCTOR or ADMIN), signed in for the services' method
     * security as the sign-in page would; returns its e-mail address ({@code host-…} for an instructor).
     */
    public static String signedInNew(JdbcTemplate jdbc, String role) {
        String who = "INSTRUCTOR".equals(role) ? "host" : role.toLowerCase(Locale.ROOT);
        String email = who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        jdbc.update("insert into account (email, display_name, role, status, created_at, updated_at)"
                + " values (?, ?, ?, 'ACTIVE', now(), now())", email, "Test " + who, role);
        signIn(email, role);
        return email;
    }

    /** Signs an existing account in with {@code role}, until the test clears the security context. */
    public static void signIn(String email, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(email,
                null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    /**
     * A public, week-long, one-phase black-box contest on the shipped MNIST LeNet at L∞ ε = 0.3, open
     * since a minute ago, with {@code images} images drawn by {@code seed}; returns its id.
     */
    public static long openNow(JdbcTemplate jdbc, CompetitionService competitions, String title, int images, long seed) {
        return openNow(jdbc, competitions, title, images, seed, EntryRules.INDIVIDUALS);
    }

    /** The same, with the given final picks and team size. */
    public static long openNow(JdbcTemplate jdbc, CompetitionService competitions, String title, int images, long seed,
            EntryRules rules) {
        return openNow(jdbc, competitions, title, images, seed, rules, null);
    }

    /** The same, with a Forge track (if not null). */
    public static long openNow(JdbcTemplate jdbc, CompetitionService competitions, String title, int images, long seed,
            EntryRules rules, @Nullable ForgeTrack forge) {
        signedInNew(jdbc, "INSTRUCTOR");
        try {
            Instant begin = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
            return competitions.host(new CompetitionSettings(title, "Rules", false, begin,
                    begin.plus(Duration.ofDays(7)), List.of(new CompetitionPhase("black-box", begin, false, false)), 3,
                    10, Duration.ofHours(1), false, "mnist-lenet", images, seed, new AttackBudget(BudgetNorm.LINF, 0.3),
                    rules), forge);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
