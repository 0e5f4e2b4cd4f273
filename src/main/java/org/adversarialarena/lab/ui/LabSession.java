package org.adversarialarena.lab.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.adversarialarena.base.Refusal;
import org.adversarialarena.base.live.Subscription;
import org.adversarialarena.jobs.InvalidRunSettingsException;
import org.adversarialarena.jobs.RunOwner;
import org.adversarialarena.jobs.RunPace;
import org.adversarialarena.jobs.SettingProblem;
import org.adversarialarena.jobs.StepOrder;
import org.adversarialarena.jobs.TrainingRun;
import org.adversarialarena.lab.LabService;
import org.adversarialarena.lab.LabSnapshot;
import org.adversarialarena.quota.LimitReachedException;
import org.jspecify.annotations.Nullable;

/**
 * One visitor's Lab, free of Vaadin: who they are (a player, or an instructor's account), the run they
 * watch and the one beside it, and the actions on them. Updates of the watched runs arrive from the
 * live feed and are handed to the page through {@code uiAccess}; every refusal becomes a message.
 */
final class LabSession {

    /** What the page shows. */
    interface Listener {
        void showRun(LabSnapshot run);

        void showComparison(@Nullable LabSnapshot other);

        void showRuns(List<TrainingRun> runs);

        void refused(String key, Object... arguments);

        void invalid(List<SettingProblem> problems);
    }

    private final LabService lab;
    private final Listener listener;
    private final Consumer<Runnable> uiAccess;
    private @Nullable RunOwner owner;
    private @Nullable Long instructor;
    private @Nullable LabSnapshot current;
    private @Nullable Subscription following;
    private @Nullable Subscription comparing;

    LabSession(LabService lab, Listener listener, Consumer<Runnable> uiAccess) {
        this.lab = lab;
        this.listener = listener;
        this.uiAccess = uiAccess;
    }

    /** The visitor is known: a player, or an instructor's account ({@code instructor} its id) who may promote runs. */
    void join(RunOwner who, @Nullable Long instructorAccount) {
        owner = who;
        instructor = instructorAccount;
        List<TrainingRun> runs = lab.runsOf(who);
        listener.showRuns(runs);
        runs.stream().filter(run -> !run.status().isFinal()).findFirst().or(() -> runs.stream().findFirst())
                .ifPresent(run -> open(run.id()));
    }

    boolean joined() {
        return owner != null;
    }

    boolean canPromote() {
        return instructor != null;
    }

    Optional<LabSnapshot> current() {
        return Optional.ofNullable(current);
    }

    void start(Map<String, ?> settings, RunPace pace) {
        act(who -> watch(lab.start(who, settings, pace)));
    }

    void fork(int step, Map<String, ?> settings) {
        LabSnapshot parent = current;
        if (parent != null) {
            act(who -> watch(lab.fork(who, parent.id(), step, settings)));
        }
    }

    void open(long runId) {
        act(who -> watch(lab.open(who, runId)));
    }

    void pause() {
        pace(RunPace.HELD);
    }

    void resume() {
        pace(RunPace.FREE);
    }

    void slowMotion() {
        pace(RunPace.SLOW);
    }

    void step(StepOrder order) {
        LabSnapshot run = current;
        if (run != null) {
            act(who -> lab.step(who, run.id(), order));
        }
    }

    void stop() {
        LabSnapshot run = current;
        if (run != null) {
            act(who -> lab.stop(who, run.id()));
        }
    }

    void promote() {
        LabSnapshot run = current;
        Long account = instructor;
        if (run != null && account != null) {
            act(who -> show(lab.promote(account, run.id())));
        }
    }

    /** Shows one of the visitor's other runs beside the current one (null: none). */
    void compare(@Nullable Long runId) {
        close(comparing);
        comparing = null;
        if (runId == null) {
            listener.showComparison(null);
            return;
        }
        act(who -> {
            LabSnapshot other = lab.open(who, runId);
            comparing = lab.follow(runId, update -> uiAccess.accept(() -> listener.showComparison(update)));
            listener.showComparison(lab.open(who, other.id()));
        });
    }

    /** The page is gone: stop following. */
    void leave() {
        close(following);
        close(comparing);
        following = null;
        comparing = null;
    }

    private void pace(RunPace pace) {
        LabSnapshot run = current;
        if (run != null) {
            act(who -> lab.pace(who, run.id(), pace));
        }
    }

    /**
     * Follows the run, then shows it as it stands: a change announced between the first read and the
     * subscription (a worker may claim a run within milliseconds of its start) would otherwise be lost.
     */
    private void watch(LabSnapshot started) {
        close(following);
        RunOwner who = owner;
        following = lab.follow(started.id(), update -> uiAccess.accept(() -> show(update)));
        show(who == null ? started : lab.open(who, started.id()));
        if (who != null) {
            listener.showRuns(lab.runsOf(who));
        }
    }

    private void show(LabSnapshot run) {
        LabSnapshot before = current;
        current = run;
        listener.showRun(run);
        RunOwner who = owner;
        if (who != null && before != null && before.id() == run.id() && before.run().status() != run.run().status()) {
            listener.showRuns(lab.runsOf(who));
        }
    }

    private void act(Consumer<RunOwner> action) {
        RunOwner who = owner;
        if (who == null) {
            listener.refused("lab.join-first");
            return;
        }
        try {
            action.accept(who);
        } catch (InvalidRunSettingsException e) {
            listener.invalid(e.problems());
        } catch (Refusal e) {
            listener.refused(e.key(), e.arguments());
        } catch (LimitReachedException e) {
            listener.refused("lab.limit", e.retryAfterSeconds());
        }
    }

    private static void close(@Nullable Subscription subscription) {
        if (subscription != null) {
            subscription.close();
        }
    }
}
