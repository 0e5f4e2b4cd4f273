package org.adversarialarena.competition.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.notification.Notification;
import java.util.UUID;
import org.adversarialarena.competition.EntryRules;
import org.adversarialarena.competition.HostedCompetitions;
import org.adversarialarena.competition.TeamService;
import org.adversarialarena.player.BrowserPlayer;
import org.adversarialarena.player.ui.BrowserStorage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Teams on the competition page, without a browser, on the real service and database: a student
 * creates a team and reads its invite code, is told a bad code, sees another join with the code, and
 * leaves again (she has not submitted).
 */
@SpringBootTest
class TeamViewsIT extends CompetitionPageTest {

    @Autowired
    TeamService teams;

    @Test
    void aStudentCreatesATeamAnotherJoinsWithItsCodeAndLeavesAgain() {
        long id = HostedCompetitions.openNow(jdbc, competitions, "Team contest", 20, 6, new EntryRules(2, 2));
        BrowserPlayer ada = players.joinFromBrowser("Ada" + UUID.randomUUID().toString().substring(0, 4));
        CompetitionView page = enter(id, ada);
        assertThat(page.team.isVisible()).isTrue();
        assertThat(page.team.summary.getText()).startsWith("You compete alone.");
        assertThat(page.picksNote.getText()).startsWith("Pick up to 2 final submissions");
        test(page.team.name).setValue("Owls");
        test(page.team.create).click();
        assertThat(page.team.summary.getText()).startsWith("Team Owls: " + ada.player().getNickname() + ".");
        String code = teams.teamOf(page.team.entrantId()).orElseThrow().inviteCode();
        assertThat(page.team.summary.getText()).contains("Invite code: " + code);

        test(page.team.code).setValue("WRONG");
        test(page.team.join).click();
        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo("No team of this competition has this invite code.");

        // Ben, in another browser, joins with the code: Ada's page shows him (the change is announced live)
        BrowserPlayer ben = players.joinFromBrowser("Ben" + UUID.randomUUID().toString().substring(0, 4));
        teams.join(competitions.enter(id, ben.player(), null).id(), code.toLowerCase(java.util.Locale.ROOT));
        page.reload();
        assertThat(page.team.summary.getText()).contains(ada.player().getNickname() + ", " + ben.player().getNickname());
        assertThat(page.team.leave.isVisible()).isTrue();

        // Ada has not submitted: she may leave; the team stays Ben's
        test(page.team.leave).click();
        assertThat(page.team.summary.getText()).startsWith("You compete alone.");
        assertThat(teams.teamOf(competitions.entrantOf(id, ben.player().getId()).orElseThrow().id()).orElseThrow()
                .members()).containsExactly(ben.player().getNickname());
    }

    private CompetitionView enter(long id, BrowserPlayer player) {
        CompetitionView page = navigate(CompetitionView.class, id);
        BrowserStorage.answer(player.resumeToken());
        test(page.enter).click();
        return page;
    }
}
