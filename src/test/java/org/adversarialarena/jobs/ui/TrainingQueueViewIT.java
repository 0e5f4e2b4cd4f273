package org.adversarialarena.jobs.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.adversarialarena.jobs.GanRunSettings;
import org.adversarialarena.jobs.QueuedRun;
import org.adversarialarena.jobs.RunOwner;
import org.adversarialarena.jobs.RunPace;
import org.adversarialarena.jobs.RunRefusedException;
import org.adversarialarena.jobs.RunStatus;
import org.adversarialarena.jobs.TrainingQueue;
import org.adversarialarena.jobs.TrainingRun;
import org.adversarialarena.jobs.TrainingRunService;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.util.AopTestUtils;

/**
 * The admin's training queue without a browser, on the real engine (one worker thread) and the embedded
 * PostgreSQL: the admin sees every owner's runs, moves a waiting run up so the worker takes it before an
 * older one, and cancels a waiting and a running run; others are refused by the role, and an admin token
 * whose account is no longer an active admin by the data.
 */
@SpringBootTest(properties = "db-scheduler.polling-interval=200ms")
class TrainingQueueViewIT extends SpringBrowserlessTest {

    private static final Duration WAIT = Duration.ofMinutes(3);

    @Autowired
    TrainingRunService runs;

    @Autowired
    TrainingQueue queue;

    @Autowired
    PlayerService players;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void stopRunsLeftRunning() {
        SecurityContextHolder.clearContext();
        jdbc.update("update training_run set cancel_requested = true where status = 'RUNNING'");
        jdbc.update("update training_run set status = 'CANCELLED' where status in ('QUEUED', 'PAUSED')");
    }

    @Test
    void theAdminSeesEveryOwnersRunsMovesOneUpAndCancelsOthers() {
        Player ana = players.join("queue-ana");
        Player ben = players.join("queue-ben");
        String instructor = account("INSTRUCTOR");
        long instructorId = jdbc.queryForObject("select id from account where email = ?", Long.class, instructor);
        // The one worker thread is busy with a held run, so the others wait in the queue.
        TrainingRun busy = runs.submitGan(RunOwner.player(ana.getId()), tiny(2_000), RunPace.HELD);
        await(busy.id(), run -> run.status() == RunStatus.RUNNING);
        TrainingRun older = runs.submitGan(RunOwner.player(ben.getId()), tiny(30));
        TrainingRun younger = runs.submitGan(RunOwner.account(instructorId), tiny(30));
        TrainingRun unwanted = runs.submitGan(RunOwner.player(players.join("queue-cy").getId()), tiny(30));

        signInAs(account("ADMIN"), "ADMIN");
        TrainingQueueView page = AopTestUtils.getUltimateTargetObject(navigate(TrainingQueueView.class));
        assertThat(ids(page)).containsSubsequence(busy.id(), older.id(), younger.id(), unwanted.id());
        QueuedRun running = row(page, busy.id());
        assertThat(running.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(running.node()).isNotBlank();
        assertThat(running.ownerName()).isEqualTo("queue-ana");
        assertThat(row(page, younger.id()).ownerName()).isEqualTo(instructor);
        assertThat(test(page.grid).getCellText(ids(page).indexOf(busy.id()), 1)).isEqualTo("queue-ana (player " + ana.getId() + ")");

        test(action(page, younger.id(), "queue-up-")).click();
        assertThat(row(page, younger.id()).priority()).isEqualTo(1);
        assertThat(ids(page)).containsSubsequence(busy.id(), younger.id(), older.id());
        assertThat(jdbc.queryForObject("select priority from scheduled_tasks where task_instance = ?", Integer.class,
                Long.toString(younger.id()))).isEqualTo(1);

        test(action(page, unwanted.id(), "queue-cancel-")).click();
        assertThat(runs.find(unwanted.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(ids(page)).doesNotContain(unwanted.id());

        // Freeing the worker: it takes the run moved up before the older one.
        test(action(page, busy.id(), "queue-cancel-")).click();
        await(busy.id(), run -> run.status() == RunStatus.CANCELLED);
        TrainingRun first = await(younger.id(), run -> run.status() == RunStatus.FINISHED);
        TrainingRun second = await(older.id(), run -> run.status() == RunStatus.FINISHED);
        assertThat(first.startedAt()).isBefore(second.startedAt());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where type = 'TRAINING_RUN_REPRIORITISED'"
                + " and subject = ?", Integer.class, "training run " + younger.id())).isOne();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where type = 'TRAINING_RUN_CANCELLED'"
                + " and subject = ?", Integer.class, "training run " + busy.id())).isOne();

        // A run that ended meanwhile is refused with a message, and the page shows the queue as it is now.
        test(page.refresh).click();
        assertThat(ids(page)).doesNotContain(older.id(), younger.id());
        assertThatThrownBy(() -> queue.cancel(older.id())).isInstanceOfSatisfying(RunRefusedException.class,
                refused -> assertThat(refused.key()).isEqualTo("jobs.refused.not-in-queue"));
    }

    @Test
    void onlyAnActiveAdminManagesTheQueueAndPrioritiesStayInRange() {
        TrainingRun waiting = runs.submitGan(RunOwner.player(players.join("queue-dee").getId()), tiny(30), RunPace.HELD);

        signInAs(account("INSTRUCTOR"), "INSTRUCTOR");
        assertThatThrownBy(() -> queue.runs()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> queue.cancel(waiting.id())).isInstanceOf(AuthorizationDeniedException.class);

        // The token still says admin, the database no longer does.
        String demoted = account("ADMIN");
        jdbc.update("update account set role = 'INSTRUCTOR' where email = ?", demoted);
        signInAs(demoted, "ADMIN");
        assertThatThrownBy(() -> queue.reprioritise(waiting.id(), 1)).isInstanceOfSatisfying(RunRefusedException.class,
                refused -> assertThat(refused.key()).isEqualTo("jobs.refused.not-admin"));

        signInAs(account("ADMIN"), "ADMIN");
        assertThatThrownBy(() -> queue.reprioritise(waiting.id(), TrainingQueue.MAX_PRIORITY + 1))
                .isInstanceOfSatisfying(RunRefusedException.class,
                        refused -> assertThat(refused.key()).isEqualTo("jobs.refused.priority-range"));
        queue.cancel(waiting.id());
        await(waiting.id(), run -> run.status() == RunStatus.CANCELLED);
        TrainingQueueView page = AopTestUtils.getUltimateTargetObject(navigate(TrainingQueueView.class));
        assertThat(ids(page)).doesNotContain(waiting.id());
    }

    /** The action button of a run's row, found by its id among the row's actions. */
    private Button action(TrainingQueueView page, long runId, String idPrefix) {
        HorizontalLayout actions = (HorizontalLayout) test(page.grid).getCellComponent(ids(page).indexOf(runId),
                page.grid.getColumns().size() - 1);
        return actions.getChildren().map(Button.class::cast)
                .filter(button -> button.getId().orElse("").equals(idPrefix + runId)).findFirst().orElseThrow();
    }

    private static List<Long> ids(TrainingQueueView page) {
        return page.grid.getGenericDataView().getItems().map(QueuedRun::id).toList();
    }

    private static QueuedRun row(TrainingQueueView page, long runId) {
        return page.grid.getGenericDataView().getItems().filter(run -> run.id() == runId).findFirst().orElseThrow();
    }

    private TrainingRun await(long id, Predicate<TrainingRun> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        TrainingRun run = runs.find(id).orElseThrow();
        while (!condition.test(run)) {
            assertThat(System.nanoTime()).as("run %d, last seen %s", id, run).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            run = runs.find(id).orElseThrow();
        }
        return run;
    }

    private String account(String role) {
        String email = "queue-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        jdbc.update("insert into account (email, display_name, role, status, created_at, updated_at)"
                + " values (?, 'Queue', ?, 'ACTIVE', now(), now())", email, role);
        return email;
    }

    private static void signInAs(String email, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(email,
                null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    private static GanRunSettings tiny(int steps) {
        return GanRunSettings.parse(Map.of("batchSize", 16, "steps", steps));
    }
}
