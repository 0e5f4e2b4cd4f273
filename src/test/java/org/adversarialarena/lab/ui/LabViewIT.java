package org.adversarialarena.lab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.adversarialarena.jobs.RunPace;
import org.adversarialarena.jobs.RunStatus;
import org.adversarialarena.jobs.TrainingRun;
import org.adversarialarena.lab.LabPreset;
import org.adversarialarena.lab.LabSnapshot;
import org.adversarialarena.ml.gan.GanMeters;
import org.adversarialarena.player.ui.BrowserStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Lab page without a browser: a student joins with a nickname, starts a preset and sees its progress
 * arrive live (through the real LISTEN/NOTIFY announcements and the page's UI access), steps a held run
 * one D and one G step at a time, stops it, and is told what is wrong with invalid settings. The real
 * job engine trains underneath on the embedded PostgreSQL.
 */
// Every progress report reaches the page unpaced: a 60-step run ends within the feeds' 1 s pacing,
// and the first test watches the page between step 25 and the end.
@SpringBootTest(properties = {"db-scheduler.polling-interval=200ms", "arena.live.feed-interval=0s"})
class LabViewIT extends SpringBrowserlessTest {

    private static final Duration WAIT = Duration.ofMinutes(3);

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void stopRunsLeftRunning() {
        jdbc.update("update training_run set cancel_requested = true where status = 'RUNNING'");
        jdbc.update("update training_run set status = 'CANCELLED' where status in ('QUEUED', 'PAUSED')");
    }

    @Test
    void aStudentStartsTheHealthyPresetAndWatchesItLearnLive() {
        LabView page = join("lab-ada");
        assertThat(page.settings.preset.getValue()).isEqualTo(LabPreset.HEALTHY);
        assertThat(page.settings.presetText.getText()).contains("0.5 line");
        test(page.settings.number("steps")).setValue("60");
        test(page.settings.number("batchSize")).setValue("16");

        test(page.start).click();

        assertThat(page.current.isVisible()).isTrue();
        LabSnapshot reported = waitFor(page, () -> page.session.current().map(run -> run.run().step() >= 25).orElse(false));
        assertThat(reported.samples()).hasSize(20);
        assertThat(page.current.status.getText()).contains("of 60");
        assertThat(page.current.interpolation.isVisible()).as("no interpolation before the end").isFalse();
        LabSnapshot done = waitFor(page,
                () -> page.session.current().map(run -> run.run().status() == RunStatus.FINISHED).orElse(false));
        assertThat(done.curve()).extracting(point -> point.step()).containsExactly(25, 50, 60);
        assertThat(done.run().metrics()).containsKeys("fid", "fidBaseline", "coverage.0");
        assertThat(page.current.status.getText()).startsWith("finished, step 60 of 60");
        assertThat(page.stop.isEnabled()).isFalse();
        assertThat(page.promote.isVisible()).as("students do not promote").isFalse();
        // At the end, the strip between two fixed latent vectors, drawn from the final networks.
        assertThat(done.interpolation()).hasSize(GanMeters.INTERPOLATION);
        assertThat(done.interpolation().getFirst()).isNotEqualTo(done.interpolation().getLast());
        assertThat(page.current.interpolation.isVisible()).isTrue();
        assertThat(page.current.interpolation.getElement().getTextRecursively()).startsWith("Latent interpolation");
    }

    @Test
    void aStudentStepsAHeldRunOneDiscriminatorAndOneGeneratorStepAtATimeAndStopsIt() {
        LabView page = join("lab-bo");
        test(page.settings.number("batchSize")).setValue("16");
        test(page.startHeld).click();
        TrainingRun held = page.session.current().orElseThrow().run();
        assertThat(held.pace()).isEqualTo(RunPace.HELD);
        waitFor(page, () -> page.session.current().map(run -> run.run().status() == RunStatus.RUNNING).orElse(false));

        test(page.stepDiscriminator).click();
        LabSnapshot afterD = waitFor(page, () -> page.session.current()
                .map(run -> run.samples().size() == 20 && run.run().pendingDiscriminatorSteps() == 0).orElse(false));
        assertThat(afterD.run().step()).isZero();

        test(page.stepGenerator).click();
        LabSnapshot afterG = waitFor(page, () -> page.session.current().map(run -> run.run().step() == 1).orElse(false));
        assertThat(afterG.samples().getFirst()).as("G's step changed its samples").isNotEqualTo(afterD.samples().getFirst());
        assertThat(page.current.status.getText()).contains("step 1 of 2000").contains("held for single steps");

        test(page.stop).click();
        waitFor(page, () -> page.session.current().map(run -> run.run().status() == RunStatus.CANCELLED).orElse(false));
        assertThat(page.current.status.getText()).startsWith("stopped");
    }

    @Test
    void invalidSettingsAreNamedAtTheirFieldsAndNothingStarts() {
        LabView page = join("lab-cy");
        test(page.settings.number("discriminatorSteps")).setValue("many");
        test(page.settings.number("batchSize")).setValue("0");
        Long before = jdbc.queryForObject("select count(*) from training_run", Long.class);

        test(page.start).click();

        TextField k = page.settings.number("discriminatorSteps");
        assertThat(k.isInvalid()).isTrue();
        assertThat(k.getErrorMessage()).isEqualTo("discriminatorSteps must be a whole number, was \"many\".");
        assertThat(page.settings.number("batchSize").getErrorMessage()).isEqualTo("batchSize must be in [1, 512], was 0.");
        assertThat(page.problems.getText()).isEqualTo("Some settings are not valid.");
        assertThat(jdbc.queryForObject("select count(*) from training_run", Long.class)).isEqualTo(before);
        assertThat(page.session.current()).isEmpty();
    }

    @Test
    void aStudentWithARunningRunIsToldThatOneAtATimeIsAllowed() {
        LabView page = join("lab-di");
        test(page.settings.number("batchSize")).setValue("16");
        test(page.startHeld).click();
        test(page.start).click();
        assertThat(test($(Notification.class).last()).getText()).contains("at most 1 at a time");
    }

    private LabView join(String nickname) {
        LabView page = navigate(LabView.class);
        BrowserStorage.answerEmpty();
        test($(TextField.class).id("nickname-field")).setValue(nickname);
        test($(Button.class).id("nickname-join")).click();
        assertThat(page.session.joined()).isTrue();
        return page;
    }

    /** Lets the page's pushed updates run (the live feed hands them to UI.access) until {@code condition} holds. */
    private static LabSnapshot waitFor(LabView page, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        VaadinSession session = VaadinSession.getCurrent();
        while (System.nanoTime() < deadline) {
            session.getService().runPendingAccessTasks(session);
            if (condition.getAsBoolean()) {
                return page.session.current().orElseThrow();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("The Lab page did not show the expected state within " + WAIT);
    }
}
