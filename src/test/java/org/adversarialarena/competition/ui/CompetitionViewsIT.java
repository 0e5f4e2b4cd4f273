package org.adversarialarena.competition.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import java.util.UUID;
import org.adversarialarena.competition.Competition;
import org.adversarialarena.competition.HostedCompetitions;
import org.adversarialarena.competition.Submission;
import org.adversarialarena.competition.SubmissionStatus;
import org.adversarialarena.player.BrowserPlayer;
import org.adversarialarena.player.ui.BrowserStorage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.util.AopTestUtils;

/**
 * The competition pages without a browser, on the real service, network and database: an instructor
 * hosts, a student enters, uploads a set, is refused a bad file with a message, and makes an API token.
 */
@SpringBootTest
class CompetitionViewsIT extends CompetitionPageTest {

    @Test
    void anInstructorHostsAStudentEntersUploadsIsToldWhatIsWrongAndMakesAToken() {
        HostedCompetitions.signedInNew(jdbc, "INSTRUCTOR");
        HostCompetitionView form = AopTestUtils.getUltimateTargetObject(navigate(HostCompetitionView.class));
        test(form.title).setValue("Week 5: fool LeNet");
        test(form.description).setValue("Stay within ε = 0.3.");
        form.starts.setValue(form.starts.getValue().minusDays(1));
        test(form.images).setValue(20);
        test(form.save).click();

        CompetitionView page = (CompetitionView) getCurrentView();
        long id = competitions.hosted().getFirst().id();
        assertThat(page.title.getText()).isEqualTo("Week 5: fool LeNet");
        assertThat(page.hostNote.getText()).startsWith("Public:");
        assertThat(page.export.isVisible()).isTrue();
        assertThat(page.status.getText()).startsWith("Phase: black-box.");
        SecurityContextHolder.clearContext();

        BrowserPlayer student = players.joinFromBrowser("Mira" + UUID.randomUUID().toString().substring(0, 4));
        page = navigate(CompetitionView.class, id);
        BrowserStorage.answer(student.resumeToken());
        assertThat(page.enter.isVisible()).isTrue();
        assertThat(page.entrantArea.isVisible()).isFalse();
        test(page.enter).click();
        assertThat(page.entrantArea.isVisible()).isTrue();
        assertThat(page.allowance.getText()).startsWith("Submissions left today: 5, in total: 20.");

        page.submit("print('hello')".getBytes());
        assertThat($(Notification.class).last().getElement().getProperty("text", ""))
                .isEqualTo("Not a NumPy .npy, IDX or ZIP-of-PNG file.");
        assertThat(page.mine.getGenericDataView().getItems().toList()).isEmpty();

        page.submit(competitions.challengeNpy(id));
        List<Submission> mine = page.mine.getGenericDataView().getItems().map(Submission.class::cast).toList();
        assertThat(mine).singleElement().satisfies(s -> assertThat(s.status()).isIn(SubmissionStatus.QUEUED,
                SubmissionStatus.EVALUATING, SubmissionStatus.SCORED));
        assertThat(page.allowance.getText()).startsWith("Submissions left today: 4, in total: 19.");

        test(page.tokenName).setValue("colab");
        test(page.createToken).click();
        assertThat(page.tokenSecret.getText()).startsWith("Your new token");
        assertThat(page.tokens.getGenericDataView().getItems().toList()).hasSize(1);
    }

    @Test
    void theListShowsAPublicCompetitionAndAnUnknownCodeIsToldAndGoesNowhere() {
        long id = HostedCompetitions.openNow(jdbc, competitions, "Listed contest", 20, 3);
        CompetitionsView list = navigate(CompetitionsView.class);

        assertThat(list.listed.getGenericDataView().getItems().map(Competition.class::cast).map(Competition::id))
                .contains(id);
        test(list.code).setValue("NO-SUCH-CODE");
        test(list.enterCode).click();

        assertThat(test($(Notification.class).last()).getText()).isNotBlank().doesNotContain("competition.refused");
        assertThat(UI.getCurrent().getActiveViewLocation().getPath()).isEqualTo("competitions");
    }
}
