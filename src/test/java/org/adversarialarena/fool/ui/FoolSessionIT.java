package org.adversarialarena.fool.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.adversarialarena.fool.AttemptOutcome;
import org.adversarialarena.fool.Challenge;
import org.adversarialarena.fool.FoolLevel;
import org.adversarialarena.fool.FoolService;
import org.adversarialarena.fool.MachineAttempt;
import org.adversarialarena.fool.MachineComparison;
import org.adversarialarena.fool.Probe;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.player.PlayerService;
import org.adversarialarena.quota.LiveJudgingLimiter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The Fool page's state, driven without a page: the real service, networks and database underneath. */
@SpringBootTest
class FoolSessionIT {

    @Autowired
    FoolService fool;

    @Autowired
    MachineComparison machine;

    @Autowired
    PlayerService players;

    private final Screen screen = new Screen();

    @Test
    void aPlayerWhoJoinsGetsAChallengeAndEveryStrokeIsJudgedByTheVisibleModel() {
        FoolSession session = session();

        session.join(players.join("session-ada"));
        float[] edited = screen.challenge().original();
        edited[0] = 1f;
        session.stroke(edited, 7);

        assertThat(screen.events).containsSubsequence("started", "controls", "probed 7");
        assertThat(screen.lastProbe().use().change().l0()).as("the corner pixel of a digit is background").isEqualTo(1);
        assertThat(screen.controls.play()).isTrue();
    }

    @Test
    void strokesBeyondTheSessionsCapAreNotJudgedAndThePlayerIsTold() {
        LiveJudgingLimiter twoASecond = new LiveJudgingLimiter(
                java.time.Clock.fixed(java.time.Instant.parse("2026-12-06T12:00:00Z"), java.time.ZoneOffset.UTC), 2);
        FoolSession session = session(twoASecond.forSession("session-fay"));
        session.join(players.join("session-fay"));
        float[] edited = screen.challenge().original();

        for (int sequence = 1; sequence <= 4; sequence++) {
            edited[sequence - 1] = 1f;
            session.stroke(edited.clone(), sequence);
        }

        assertThat(screen.events).containsSubsequence("probed 1", "probed 2", "too fast 3", "too fast 4")
                .doesNotContain("probed 3", "probed 4");
        assertThat(screen.lastProbe().use().change().l0()).as("the last judged stroke's view stays").isEqualTo(2);
        assertThat(screen.controls.play()).isTrue();
    }

    @Test
    void aSubmittedRoundIsClosedAndLaterClicksDoNothing() throws InterruptedException {
        FoolSession session = session();
        session.join(players.join("session-bo"));

        session.submit(screen.challenge().original());
        int afterSubmit = screen.events.size();
        session.submit(screen.challenge().original());
        session.giveUp();
        session.stroke(screen.challenge().original(), 3);

        assertThat(screen.outcome).isNotNull();
        assertThat(screen.outcome.verdict().success()).as("the untouched image fools nobody").isFalse();
        assertThat(screen.controls.play()).isFalse();
        assertThat(screen.controls.next()).isTrue();
        assertThat(screen.events).contains("comparison with the player");
        // a copy: the machine comparison still appends events from its own thread
        List<String> events = List.copyOf(screen.events);
        assertThat(events.subList(afterSubmit, events.size()))
                .noneMatch(event -> event.startsWith("submitted") || event.startsWith("gave up")
                        || event.startsWith("probed") || event.startsWith("refused"));
        session.leave();
    }

    @Test
    void aRefusedSubmissionIsReportedWithItsReasonAndTheRoundStaysOpen() {
        FoolSession session = session();
        session.join(players.join("session-cy"));
        float[] overBudget = screen.challenge().original();
        for (int i = 0; i < 21; i++) {
            overBudget[i * 7] = overBudget[i * 7] > 0.5f ? 0f : 1f;
        }

        session.submit(overBudget);

        assertThat(screen.events).contains("refused fool.rejected.over-budget");
        assertThat(screen.outcome).isNull();
        assertThat(screen.controls.play()).isTrue();
    }

    @Test
    void theHiddenModelsAnswersCountDownOnBlindfold() {
        FoolSession session = session();
        session.join(players.join("session-di"));
        session.choose(FoolLevel.BLINDFOLD, DatasetId.MNIST);
        int allowance = screen.challenge().hiddenQueriesLeft();

        session.askHidden(screen.challenge().original());

        assertThat(screen.events).contains("hidden " + screen.challenge().trueClass() + " " + (allowance - 1));
        assertThat(screen.controls.hiddenLeft()).isEqualTo(allowance - 1);
        assertThat(screen.controls.hint()).isFalse();
    }

    @Test
    void aPlayerWhoGivesUpIsShownTheMachinesAnswer() throws InterruptedException {
        FoolSession session = session();
        session.join(players.join("session-ed"));
        session.choose(FoolLevel.FAINT_TOUCH, DatasetId.MNIST);

        session.giveUp();

        assertThat(screen.finished.await(120, TimeUnit.SECONDS)).as("the machine finishes its attacks").isTrue();
        assertThat(screen.events).containsSubsequence("gave up", "comparison without the player", "machine attempt",
                "machine answer", "comparison finished");
        assertThat(screen.controls.play()).isFalse();
    }

    private FoolSession session() {
        return session(() -> true);
    }

    private FoolSession session(java.util.function.BooleanSupplier judgementAllowed) {
        return new FoolSession(fool, machine, screen, Runnable::run, judgementAllowed);
    }

    /** Records what a page would render. */
    private static final class Screen implements FoolSession.Listener {

        final List<String> events = new CopyOnWriteArrayList<>();
        final CountDownLatch finished = new CountDownLatch(1);
        @Nullable Challenge challenge;
        @Nullable Probe probe;
        @Nullable AttemptOutcome outcome;
        FoolControls controls = new FoolControls(false, false, false, 0, false);

        Challenge challenge() {
            assertThat(challenge).as("a challenge was started").isNotNull();
            return challenge;
        }

        Probe lastProbe() {
            assertThat(probe).isNotNull();
            return probe;
        }

        @Override
        public void started(Challenge started, Probe first) {
            challenge = started;
            probe = first;
            events.add("started");
        }

        @Override
        public void unavailable(FoolLevel level) {
            events.add("unavailable " + level.slug());
        }

        @Override
        public void imageShown(float[] image) {
            events.add("image");
        }

        @Override
        public void probed(Probe probed, long sequence) {
            probe = probed;
            events.add("probed " + sequence);
        }

        @Override
        public void tooFast(long sequence) {
            events.add("too fast " + sequence);
        }

        @Override
        public void hintShown(float @Nullable [] overlay) {
            events.add(overlay == null ? "hint hidden" : "hint shown");
        }

        @Override
        public void submitted(AttemptOutcome submitted, Runnable seen) {
            outcome = submitted;
            events.add("submitted");
        }

        @Override
        public void gaveUp() {
            events.add("gave up");
        }

        @Override
        public void hiddenAnswered(int label, int left) {
            challenge = challenge().afterHiddenAnswer();
            events.add("hidden " + label + " " + left);
        }

        @Override
        public void refused(String key, Object... arguments) {
            events.add("refused " + key);
        }

        @Override
        public void comparisonStarted(Challenge compared, @Nullable AttemptOutcome attempt) {
            events.add(attempt == null ? "comparison without the player" : "comparison with the player");
        }

        @Override
        public void machineAttempted(MachineAttempt attempt) {
            events.add("machine attempt");
        }

        @Override
        public void machineAnswered(MachineAttempt attempt, Probe answer) {
            events.add("machine answer");
        }

        @Override
        public void comparisonFinished() {
            events.add("comparison finished");
            finished.countDown();
        }

        @Override
        public void controlsChanged(FoolControls changed) {
            controls = changed;
            events.add("controls");
        }
    }
}
