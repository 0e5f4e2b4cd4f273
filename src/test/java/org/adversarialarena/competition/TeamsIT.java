package org.adversarialarena.competition;

import static org.adversarialarena.competition.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.adversarialarena.player.PlayerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Teams on the real database, job engine and shipped LeNet: a team is made and joined by its invite
 * code, shares the cap and the final picks, is one line on the boards under its name; a full team and
 * a merge over the cap are refused, changing nothing; a member who submitted stays, one who did not may leave.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TeamsIT {

    @Autowired
    CompetitionService competitions;

    @Autowired
    TeamService teams;

    @Autowired
    PlayerService players;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTeamSharesItsCapPicksAndBoardLineAndTheMergeRulesHold() throws Exception {
        Contests contests = new Contests(jdbc, competitions, players);
        long id = contests.host(20, 3, new EntryRules(1, 2));
        Entrant ada = contests.enter(id, "Ada");
        Entrant ben = contests.enter(id, "Ben");
        Entrant cy = contests.enter(id, "Cy");

        Team owls = teams.create(ada.id(), "Owls");
        assertRefused(() -> teams.create(ben.id(), "owls"), "competition.refused.team-name-taken");
        teams.join(ben.id(), owls.inviteCode().toLowerCase(Locale.ROOT));
        assertThat(teams.teamOf(ben.id()).orElseThrow().members()).containsExactly(ada.nickname(), ben.nickname());
        assertRefused(() -> teams.join(cy.id(), owls.inviteCode()), "competition.refused.team-full");
        assertRefused(() -> teams.join(cy.id(), "NOSUCHCODE"), "competition.refused.team-code");
        assertThat(teams.teamOf(cy.id())).isEmpty();

        // Ada submits for the team: Ben's allowance shrinks too; Ben sees it and picks it for the team
        Submission owlsPublic = contests.submitScored(ada, contests.fooling(id, false));
        assertThat(competitions.allowance(ben).remainingTotal()).isEqualTo(2);
        assertThat(competitions.submissionsOf(ben.id())).extracting(Submission::id).containsExactly(owlsPublic.id());
        competitions.pick(ben.id(), owlsPublic.id(), true);
        assertThat(competitions.submissionOf(ada.id(), owlsPublic.id()).picked()).isTrue();

        // who submitted stays; who did not may leave, and come back
        assertRefused(() -> teams.leave(ada.id()), "competition.refused.team-leave");
        teams.leave(ben.id());
        assertThat(teams.teamOf(ben.id())).isEmpty();
        assertThat(competitions.allowance(ben).remainingTotal()).isEqualTo(3);

        // Cy alone uses the whole cap: merging into the Owls (1 + 3 > 3) is refused, nothing changes
        Submission cyPrivate = contests.submitScored(cy, contests.fooling(id, true));
        contests.submitScored(cy, contests.fooling(id, true));
        contests.submitScored(cy, contests.fooling(id, true));
        assertRefused(() -> teams.join(cy.id(), owls.inviteCode()), "competition.refused.team-merge-cap");
        assertThat(teams.teamOf(cy.id())).isEmpty();
        teams.join(ben.id(), owls.inviteCode());

        Viewing live = competitions.view(id, null, null);
        assertThat(live.publicBoard().rows()).extracting(BoardRow::name).containsExactly("Owls", cy.nickname());
        assertThat(live.publicBoard().rows().getFirst().success()).isEqualTo(1.0);
        Viewing bens = competitions.view(id, ben.playerId(), null);
        assertThat(bens.publicBoard().rows()).extracting(BoardRow::you).containsExactly(true, false);

        contests.end(id);
        Viewing reveal = competitions.view(id, null, null);
        assertThat(reveal.privateBoard().rows()).extracting(BoardRow::name).containsExactly(cy.nickname(), "Owls");
        assertThat(reveal.privateBoard().rows()).extracting(BoardRow::success).containsExactly(1.0, 0.0);
        assertThat(reveal.privateBoard().rows().getFirst().submissionId()).isEqualTo(cyPrivate.id());
        assertRefused(() -> teams.leave(ben.id()), "competition.refused.over");
    }
}
