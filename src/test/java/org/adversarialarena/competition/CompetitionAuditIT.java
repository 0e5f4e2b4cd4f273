package org.adversarialarena.competition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.adversarialarena.audit.AuditType;
import org.adversarialarena.ml.model.ClassifierArchitecture;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 21: what hosts and participants do to a competition is in the audit log, with who did it: hosting
 * (with the phase schedule, by which phases change), tokens created and revoked, a defense cancelled. A
 * refused action leaves no line.
 */
@SpringBootTest
class CompetitionAuditIT {

    @Autowired
    CompetitionService competitions;

    @Autowired
    DefenseService defenses;

    @Autowired
    DefenseStore defenseStore;

    @Autowired
    PlayerService players;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hostingTokensAndACancelledDefenseAreAuditedWithWhoDidThem() {
        long competition = HostedCompetitions.openNow(jdbc, competitions, "Audited contest", 10, 5);
        assertThat(lines(competition)).singleElement().satisfies(hosted -> {
            assertThat(hosted.type()).isEqualTo(AuditType.COMPETITION_HOSTED);
            assertThat(hosted.actor()).startsWith("host-").endsWith("@example.org");
            assertThat(hosted.detail()).contains("'Audited contest'", "mnist-lenet", "10 images", "black-box from");
        });

        Player ivy = players.join("ivy-audited");
        Entrant entrant = competitions.enter(competition, ivy, null);
        String secret = competitions.createToken(entrant.id(), "notebook");
        long tokenId = competitions.tokens(entrant.id()).getFirst().id();
        Entrant stranger = competitions.enter(competition, players.join("eve-audited"), null);
        assertThatThrownBy(() -> competitions.revokeToken(stranger.id(), tokenId))
                .isInstanceOf(CompetitionRefusedException.class);
        competitions.revokeToken(entrant.id(), tokenId);
        long defense = transaction.execute(status -> defenseStore.insert(competition, entrant.id(),
                new DefenseRecipe(DefenseMethod.PLAIN, ClassifierArchitecture.MLP, 0f, 0, 1, 1), 4, Instant.now()));
        defenses.cancel(entrant.id(), defense);
        asHost(competition, () -> competitions.exportCsv(competition));

        List<Line> all = lines(competition);
        assertThat(all.getFirst()).satisfies(export -> {
            assertThat(export.type()).isEqualTo(AuditType.COMPETITION_EXPORT);
            assertThat(export.actor()).as("the host").isEqualTo(all.getLast().actor());
        });
        List<Line> lines = all.subList(1, all.size());
        assertThat(lines).extracting(Line::type).containsExactly(AuditType.COMPETITION_DEFENSE_CANCELLED,
                AuditType.COMPETITION_TOKEN_REVOKED, AuditType.COMPETITION_TOKEN_CREATED, AuditType.COMPETITION_HOSTED);
        assertThat(lines.subList(0, 3)).allSatisfy(line ->
                assertThat(line.actor()).isEqualTo("player " + ivy.getId() + " (ivy-audited)"));
        assertThat(lines.get(2).detail()).isEqualTo("token 'notebook'").doesNotContain(secret);
        assertThat(lines.get(1).detail()).isEqualTo("token " + tokenId);
        assertThat(lines.get(0).detail()).isEqualTo("defense " + defense);
    }

    /** Signs the competition's host in for {@code action}, as the hosting fixture did. */
    private void asHost(long competition, Runnable action) {
        String host = jdbc.queryForObject("select a.email from competition c join account a on a.id = c.owner_id where c.id = ?",
                String.class, competition);
        HostedCompetitions.signIn(host, "INSTRUCTOR");
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private record Line(AuditType type, String actor, String detail) {
    }

    /** The competition's lines, newest first (read as an admin's audit page reads them, without signing one in). */
    private List<Line> lines(long competition) {
        return jdbc.query("select type, actor, detail from audit_event where subject = ? order by id desc",
                (rs, row) -> new Line(AuditType.valueOf(rs.getString("type")), rs.getString("actor"), rs.getString("detail")),
                "competition " + competition);
    }
}
