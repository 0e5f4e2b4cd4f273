package org.adversarialarena.competition.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.notification.Notification;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.adversarialarena.competition.Defense;
import org.adversarialarena.competition.DefenseBoardRow;
import org.adversarialarena.competition.DefenseMethod;
import org.adversarialarena.competition.DefenseStatus;
import org.adversarialarena.competition.HostedCompetitions;
import org.adversarialarena.ml.model.ClassifierArchitecture;
import org.adversarialarena.player.BrowserPlayer;
import org.adversarialarena.player.ui.BrowserStorage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The defense track on a competition's page without a browser, on the real service, job engine and
 * database (a tiny quota): a bad recipe is refused with its message and nothing is stored; a good one
 * appears in the entrant's list, is trained and judged, and reaches the defense board with its hash.
 */
@SpringBootTest(properties = {"arena.competitions.defense.training-images=256",
        "arena.competitions.defense.referee-pgd-steps=5", "arena.competitions.defense.referee-restarts=1",
        "arena.competitions.defense.referee-apgd-steps=5"})
class DefenseViewsIT extends CompetitionPageTest {

    private static final Duration JUDGING = Duration.ofSeconds(120);

    @Test
    void anEntrantIsToldWhatIsWrongWithARecipeThenTrainsOneThatReachesTheBoard() throws Exception {
        long id = HostedCompetitions.openNow(jdbc, competitions, "Defend LeNet", 20, 5);
        BrowserPlayer student = players.joinFromBrowser("Kai" + UUID.randomUUID().toString().substring(0, 4));
        CompetitionView page = navigate(CompetitionView.class, id);
        BrowserStorage.answer(student.resumeToken());
        assertThat(page.defense.isVisible()).isTrue();
        assertThat(page.defense.entrantPart.isVisible()).isFalse();
        test(page.enter).click();
        DefenseSection defense = page.defense;
        assertThat(defense.entrantPart.isVisible()).isTrue();
        assertThat(defense.epsilon.getValue()).isEqualTo(0.3, org.assertj.core.api.Assertions.within(1e-6));

        test(defense.epochs).setValue(9);
        test(defense.submit).click();
        assertThat($(Notification.class).last().getElement().getProperty("text", ""))
                .isEqualTo("Epochs lie between 1 and 2.");
        assertThat(defense.mine.getGenericDataView().getItems().toList()).isEmpty();
        assertThat(count(id)).isZero();

        defense.method.setValue(DefenseMethod.PLAIN);
        assertThat(defense.epsilon.isEnabled()).isFalse();
        defense.architecture.setValue(ClassifierArchitecture.MLP);
        test(defense.epochs).setValue(1);
        test(defense.submit).click();
        List<Defense> mine = defense.mine.getGenericDataView().getItems().map(Defense.class::cast).toList();
        assertThat(mine).singleElement().satisfies(d -> {
            assertThat(d.recipe().method()).isEqualTo(DefenseMethod.PLAIN);
            assertThat(d.recipe().epsilon()).isZero();
        });

        waitUntilJudged(mine.getFirst().id());
        page.reload();
        List<DefenseBoardRow> board = defense.board.getGenericDataView().getItems().map(DefenseBoardRow.class::cast).toList();
        String hash = jdbc.queryForObject("select weights_sha256 from competition_defense where id = ?", String.class,
                mine.getFirst().id());
        assertThat(board).singleElement().satisfies(row -> {
            assertThat(row.you()).isTrue();
            assertThat(row.weightsSha256()).isEqualTo(hash);
        });
        Defense judged = defense.mine.getGenericDataView().getItems().map(Defense.class::cast).toList().getFirst();
        assertThat(judged.status()).isEqualTo(DefenseStatus.SCORED);
    }

    private int count(long competitionId) {
        Integer n = jdbc.queryForObject("select count(*) from competition_defense where competition_id = ?",
                Integer.class, competitionId);
        return n == null ? 0 : n;
    }

    private void waitUntilJudged(long defenseId) throws InterruptedException {
        long deadline = System.nanoTime() + JUDGING.toNanos();
        while (System.nanoTime() < deadline && !"SCORED".equals(jdbc.queryForObject(
                "select status from competition_defense where id = ?", String.class, defenseId))) {
            Thread.sleep(200);
        }
    }
}
