package org.adversarialarena.competition.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.notification.Notification;
import java.util.UUID;
import org.adversarialarena.competition.Channel;
import org.adversarialarena.competition.CompetitionRefusedException;
import org.adversarialarena.competition.DraftImage;
import org.adversarialarena.competition.DraftService;
import org.adversarialarena.competition.Entrant;
import org.adversarialarena.competition.HostedCompetitions;
import org.adversarialarena.competition.Submission;
import org.adversarialarena.forge.ui.PaintingCanvas;
import org.adversarialarena.player.BrowserPlayer;
import org.adversarialarena.player.ui.BrowserStorage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Building a set in the canvas, without a browser, on the real service and database: a student opens
 * the set's images one by one, saves an edit within the budget (the progress counts it), is told when
 * there is nothing to submit, and submits the draft as a submission with the upload's checks and caps.
 */
@SpringBootTest
class CompetitionDraftViewIT extends CompetitionPageTest {

    @Autowired
    DraftService drafts;

    @Test
    void aStudentEditsImagesInTheCanvasSeesTheProgressAndSubmitsTheDraft() {
        long id = HostedCompetitions.openNow(jdbc, competitions, "Canvas contest", 20, 4);
        BrowserPlayer student = players.joinFromBrowser("Lu" + UUID.randomUUID().toString().substring(0, 4));
        CompetitionView competition = navigate(CompetitionView.class, id);
        BrowserStorage.answer(student.resumeToken());
        test(competition.enter).click();
        assertThat(competition.draft.isVisible()).isTrue();
        assertThat(competition.draft.getHref()).isEqualTo("competitions/draft/" + id);
        Entrant entrant = competitions.view(id, student.player().getId(), null).entrant();
        assertThat(entrant).isNotNull();

        CompetitionDraftView page = navigate(CompetitionDraftView.class, id);
        BrowserStorage.answer(student.resumeToken());
        assertThat(page.editor.isVisible()).isTrue();
        assertThat(page.progressText.getText()).isEqualTo("0 of 20 images saved");
        assertThat(page.imageText.getText()).startsWith("Image 1 of 20, true class ").endsWith("not saved yet");
        assertThat(page.tiles.getComponentCount()).isEqualTo(20);

        test(page.submit).click();
        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo("Save at least one image before submitting the set.");
        assertThat(competitions.submissionsOf(entrant.id())).isEmpty();

        // the student brightens image 2 as far as the budget allows, as the canvas would report it
        test(page.next).click();
        assertThat(page.imageText.getText()).startsWith("Image 2 of 20");
        DraftImage second = drafts.image(entrant.id(), 1);
        new PaintingCanvas(page.canvas).paint(rounded(second.upper()));
        test(page.save).click();
        assertThat(page.progressText.getText()).isEqualTo("1 of 20 images saved");
        assertThat(page.progress.getValue()).isEqualTo(0.05);
        assertThat(page.imageText.getText()).endsWith(": saved");
        float[] saved = drafts.image(entrant.id(), 1).pixels();
        for (int i = 0; i < saved.length; i++) {
            assertThat(saved[i]).isBetween(second.original()[i] - 0.3f - 1e-4f, second.original()[i] + 0.3f + 1e-4f);
        }
        // what the canvas cannot send, the service refuses too: nothing is saved
        float[] far = drafts.image(entrant.id(), 2).original().clone();
        far[300] = far[300] > 0.5f ? 0f : 1f;
        far[301] = far[301] > 0.5f ? 0f : 1f;
        assertThatThrownBy(() -> drafts.save(entrant.id(), 2, far)).isInstanceOf(CompetitionRefusedException.class);
        assertThat(drafts.progress(entrant.id()).saved()).containsExactly(1);

        test(page.submit).click();
        assertThat(test($(Notification.class).last()).getText()).isEqualTo("Your set was submitted: it is being evaluated.");
        Submission submitted = competitions.submissionsOf(entrant.id()).getFirst();
        assertThat(submitted.channel()).isEqualTo(Channel.CANVAS);
        assertThat(competitions.allowance(entrant).remainingToday()).isEqualTo(2);
        Integer bytes = jdbc.queryForObject("select length(images) from competition_submission where id = ?",
                Integer.class, submitted.id());
        assertThat(bytes).isEqualTo(20 * 784 * 4);
        // the draft stays, to be improved
        assertThat(drafts.progress(entrant.id()).done()).isEqualTo(1);
    }

    /** The canvas reports three decimals. */
    private static float[] rounded(float[] pixels) {
        float[] values = new float[pixels.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.round(pixels[i] * 1000) / 1000f;
        }
        return values;
    }
}
