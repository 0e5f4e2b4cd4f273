package org.adversarialarena.competition.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.adversarialarena.competition.EntryRules;
import org.adversarialarena.competition.forgetrack.ForgeStanding;
import org.adversarialarena.competition.ForgeTrack;
import org.adversarialarena.competition.HostedCompetitions;
import org.adversarialarena.forge.ForgeService;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.detective.DetectiveLearningMain;
import org.adversarialarena.player.BrowserPlayer;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.ui.BrowserStorage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A competition's Forge track on its page without a browser, on the real services, job engine, networks
 * and database: while it runs an entrant sees the prompt and how many of their forgeries count, and no
 * board; after the end the job judges again and the page ranks each entrant's best forgery with its image.
 * Automatic training is off, so the detective does not change under the test.
 */
@SpringBootTest(properties = {"arena.forge.train-every=100000", "arena.submissions.min-interval=0s",
        "arena.submissions.per-minute=1000"})
class ForgeSectionIT extends CompetitionPageTest {

    private static final int SEVEN = 7;
    private static final Duration JUDGING = Duration.ofSeconds(120);

    @Autowired
    ForgeService forge;

    @Test
    void anEntrantSeesTheirCountWhileItRunsAndTheRankedForgeriesAfterTheEnd() throws InterruptedException {
        long id = HostedCompetitions.openNow(jdbc, competitions, "Forge sevens on the page", 2, 1,
                EntryRules.INDIVIDUALS, new ForgeTrack(DatasetId.MNIST, SEVEN));
        BrowserPlayer student = players.joinFromBrowser("Fo" + UUID.randomUUID().toString().substring(0, 4));
        CompetitionView page = navigate(CompetitionView.class, id);
        BrowserStorage.answer(student.resumeToken());
        test(page.enter).click();
        Player entrant = student.player();
        forge.submit(entrant, DatasetId.MNIST, SEVEN, DetectiveLearningMain.blockySeven(0, 0));
        forge.submit(entrant, DatasetId.MNIST, SEVEN, DetectiveLearningMain.blockySeven(1, 1));
        forge.submit(entrant, DatasetId.MNIST, 1, DetectiveLearningMain.blockySeven(-1, 0));
        page.reload();

        ForgeSection section = page.forge;
        assertThat(section.isVisible()).isTrue();
        assertThat(section.prompt.getText()).startsWith("Forge \"7\" of mnist in the Forge game");
        assertThat(section.own.getText()).isEqualTo("Your forgeries that count so far: 2");
        assertThat(section.boardNote.getText()).isEqualTo("The Forge board is shown after the end.");
        assertThat(section.board.isVisible()).isFalse();

        jdbc.update("update competition set ends_at = now() where id = ?", id);
        jdbc.update("update scheduled_tasks set execution_time = now() where task_name = 'competition-forge'"
                + " and task_instance = ?", "end-" + id);
        awaitJudged(id);
        page.reload();

        assertThat(section.boardNote.getText()).isEmpty();
        assertThat(section.board.isVisible()).isTrue();
        List<ForgeStanding.Row> rows = section.board.getGenericDataView().getItems()
                .map(ForgeStanding.Row.class::cast).toList();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.rank()).isEqualTo(1);
            assertThat(row.name()).isEqualTo(entrant.getNickname());
            assertThat(row.you()).isTrue();
            assertThat(row.pixels()).hasSize(784);
        });
    }

    @Test
    void aCompetitionWithoutAForgeTrackHidesTheSection() {
        long id = HostedCompetitions.openNow(jdbc, competitions, "No forging here", 2, 1);
        CompetitionView page = navigate(CompetitionView.class, id);
        assertThat(page.forge.isVisible()).isFalse();
    }

    private void awaitJudged(long competitionId) throws InterruptedException {
        String done = "select count(*) from scheduled_tasks where task_name = 'competition-forge' and task_instance = ?";
        long deadline = System.nanoTime() + JUDGING.toNanos();
        while (System.nanoTime() < deadline && countOf(done, "end-" + competitionId) > 0) {
            Thread.sleep(200);
        }
        assertThat(countOf(done, "end-" + competitionId)).as("the end's judging job ran").isZero();
    }

    private long countOf(String query, Object argument) {
        Long count = jdbc.queryForObject(query, Long.class, argument);
        return count == null ? 0 : count;
    }
}
