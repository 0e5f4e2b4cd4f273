package org.adversarialarena.competition.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.adversarialarena.competition.HostedCompetitions;
import org.adversarialarena.competition.Matrix;
import org.adversarialarena.player.BrowserPlayer;
import org.adversarialarena.player.ui.BrowserStorage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The cross-evaluation on a competition's page without a browser, on the real services, job engine and
 * database: before the end a participant does not see the matrix; the host asks for it, the job
 * computes it, and the page shows the attack as a row with the target as a column and the totals.
 */
@SpringBootTest
class MatrixViewsIT extends CompetitionPageTest {

    private static final Duration COMPUTING = Duration.ofSeconds(120);

    @Test
    void theHostComputesTheMatrixAndSeesTheAttackAgainstTheTarget() throws Exception {
        long id = HostedCompetitions.openNow(jdbc, competitions, "Matrix contest", 20, 9);
        BrowserPlayer student = players.joinFromBrowser("Mo" + UUID.randomUUID().toString().substring(0, 4));
        CompetitionView page = navigate(CompetitionView.class, id);
        BrowserStorage.answer(student.resumeToken());
        test(page.enter).click();
        page.submit(competitions.challengeNpy(id));   // the untouched set: fools the target on no image
        waitFor("select status from competition_submission where competition_id = " + id, "SCORED");
        page.reload();
        assertThat(page.matrix.isVisible()).as("a participant before the end").isFalse();

        HostedCompetitions.signedInNew(jdbc, "ADMIN");
        CompetitionView hosting = navigate(CompetitionView.class, id);
        MatrixSection matrix = hosting.matrix;
        assertThat(matrix.isVisible()).isTrue();
        assertThat(matrix.status.getText()).isEqualTo("Not computed yet: the matrix is computed when the competition ends.");
        assertThat(matrix.export.isVisible()).isFalse();
        test(matrix.computeNow).click();
        waitFor("select status from competition_matrix where competition_id = " + id, "DONE");
        hosting.reload();

        assertThat(matrix.status.getText()).contains("on 20 images; attacks: 1, columns: 1.");
        assertThat(matrix.grid.isVisible()).isTrue();
        assertThat(matrix.grid.getColumns()).extracting(c -> c.getHeaderText())
                .containsExactly("#", "Attack", "Target mnist-lenet", "Attack score");
        List<Matrix.Row> rows = matrix.grid.getGenericDataView().getItems().map(Matrix.Row.class::cast).toList();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.misclassified()).containsExactly(0);
            assertThat(row.score()).isZero();
            assertThat(row.rank()).isEqualTo(1);
        });
        assertThat(matrix.export.isVisible()).isTrue();
    }

    private void waitFor(String query, String status) throws InterruptedException {
        long deadline = System.nanoTime() + COMPUTING.toNanos();
        while (System.nanoTime() < deadline && !jdbc.queryForList(query, String.class).contains(status)) {
            Thread.sleep(200);
        }
        assertThat(jdbc.queryForList(query, String.class)).contains(status);
    }
}
