package org.adversarialarena.fool.ui;

import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.adversarialarena.fool.AttemptOutcome;
import org.adversarialarena.fool.Challenge;
import org.adversarialarena.fool.FoolLevel;
import org.adversarialarena.fool.FoolService;
import org.adversarialarena.fool.MachineAttempt;
import org.adversarialarena.fool.MachineComparison;
import org.adversarialarena.fool.Probe;
import org.adversarialarena.fool.SubmissionRejectedException;
import org.adversarialarena.fool.TooManyNewImagesException;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.player.Player;
import org.adversarialarena.round.TooManySubmissionsException;
import org.jspecify.annotations.Nullable;

/**
 * One player's Fool game on one page, with no Vaadin in it: the chosen level and dataset, the current
 * challenge, whether its round is still open, whether the hint is shown, and the machine's comparison
 * running after it. The page forwards every click here and renders what its {@link Listener} hears;
 * a test can drive it the same way.
 */
final class FoolSession {

    /** What the page shows. The machine's results arrive from its own thread through the session's deliverer. */
    interface Listener {

        /** A fresh challenge, with the visible model's view of its untouched image. */
        void started(Challenge challenge, Probe probe);

        /** The chosen level cannot be played on the chosen dataset: a model it needs is not shipped. */
        void unavailable(FoolLevel level);

        /** The image on the canvas is replaced (e.g. reset to the original, or the machine's answer). */
        void imageShown(float[] image);

        /** The visible model's view of the image after report {@code sequence} (0: not from the canvas). */
        void probed(Probe probe, long sequence);

        /** Report {@code sequence} came faster than the live judging cap: it was not judged, the last view stays. */
        void tooFast(long sequence);

        /** The hint to show (positive: add ink, negative: remove ink, in [−1, 1]), or null to hide it. */
        void hintShown(float @Nullable [] overlay);

        /** The attempt's result, to show; {@code seen} records it as seen once the browser has it. */
        void submitted(AttemptOutcome outcome, Runnable seen);

        void gaveUp();

        /** The hidden model's top label, and how many answers are left for this image. */
        void hiddenAnswered(int label, int left);

        /** The server refused an action; the key and arguments form the translated reason. */
        void refused(String key, Object... arguments);

        /** The comparison starts; {@code outcome} is the player's attempt, null if they gave up. */
        void comparisonStarted(Challenge challenge, @Nullable AttemptOutcome outcome);

        void machineAttempted(MachineAttempt attempt);

        /** After a give-up: the first machine attack that succeeded, shown as the answer. */
        void machineAnswered(MachineAttempt attempt, Probe probe);

        void comparisonFinished();

        void controlsChanged(FoolControls controls);
    }

    private final FoolService fool;
    private final MachineComparison machine;
    private final Listener listener;
    private final Consumer<Runnable> deliver;
    private final BooleanSupplier judgementAllowed;

    private FoolLevel level = FoolLevel.FEW_PIXELS;
    private DatasetId dataset = DatasetId.MNIST;
    private @Nullable Player player;
    private @Nullable Challenge challenge;
    private boolean playing;
    private boolean hintOn;
    private @Nullable Future<?> comparison;

    /**
     * @param deliver runs what the machine's background thread reports where the page may render it
     *                (a page passes its UI's {@code access}; a test may run it at once)
     * @param judgementAllowed counts a stroke's judgement against the session's cap and says whether it may run
     */
    FoolSession(FoolService fool, MachineComparison machine, Listener listener, Consumer<Runnable> deliver,
            BooleanSupplier judgementAllowed) {
        this.fool = fool;
        this.machine = machine;
        this.listener = listener;
        this.deliver = deliver;
        this.judgementAllowed = judgementAllowed;
    }

    FoolLevel level() {
        return level;
    }

    DatasetId dataset() {
        return dataset;
    }

    /** The current challenge, if one was started. */
    @Nullable Challenge challenge() {
        return challenge;
    }

    String nickname() {
        Player me = player;
        return me == null ? "" : me.getNickname();
    }

    /** The dataset whose class names apply now: the challenge's, else the chosen one. */
    DatasetId classesOf() {
        Challenge current = challenge;
        return current == null ? dataset : current.dataset();
    }

    /** The player has joined: their open challenge of the level resumes (e.g. after a reload), else a new one starts. */
    void join(Player joined) {
        player = joined;
        resumeOrNext();
    }

    /** Another level or dataset: its open challenge resumes, else a new one starts, once a player has joined. */
    void choose(FoolLevel chosenLevel, DatasetId chosenDataset) {
        level = chosenLevel;
        dataset = chosenDataset;
        if (player != null) {
            resumeOrNext();
        }
    }

    private void resumeOrNext() {
        Player current = player;
        Challenge open = current == null ? null : fool.openChallenge(current, level, dataset).orElse(null);
        if (open == null) {
            next();
            return;
        }
        stopComparison();
        hintOn = false;
        challenge = open;
        playing = true;
        listener.started(open, fool.probe(open, open.original()));
        listener.controlsChanged(controls());
    }

    /** A fresh image for the chosen level; the previous attempt's comparison is cancelled. */
    void next() {
        stopComparison();
        hintOn = false;
        Player current = player;
        if (current == null) {
            return;
        }
        if (!fool.isAvailable(level, dataset)) {
            challenge = null;
            playing = false;
            listener.unavailable(level);
            listener.controlsChanged(controls());
            return;
        }
        Challenge fresh;
        try {
            fresh = fool.newChallenge(current, level, dataset);
        } catch (TooManyNewImagesException e) {
            listener.refused("fool.rejected.too-many-images", e.retryAfterSeconds());
            return;
        }
        challenge = fresh;
        playing = true;
        listener.started(fresh, fool.probe(fresh, fresh.original()));
        listener.controlsChanged(controls());
    }

    /**
     * A stroke on the canvas: the visible model's view, and the hint follows if shown. Past the
     * session's cap the stroke is not judged; every report carries the whole image, so the next
     * judged stroke catches up.
     */
    void stroke(float[] pixels, long sequence) {
        whilePlaying((current, me) -> {
            if (judgementAllowed.getAsBoolean()) {
                show(current, pixels, sequence);
            } else {
                listener.tooFast(sequence);
            }
        });
    }

    /** Back to the untouched image. */
    void reset() {
        whilePlaying((current, me) -> {
            listener.imageShown(current.original());
            show(current, current.original(), 0);
        });
    }

    void toggleHint(float[] pixels) {
        whilePlaying((current, me) -> {
            if (current.level().offersSaliencyHint()) {
                hintOn = !hintOn;
                listener.hintShown(hintOn ? fool.inkHint(current, pixels) : null);
            }
        });
    }

    void submit(float[] pixels) {
        whilePlaying((current, me) -> {
            AttemptOutcome outcome = fool.submit(current.id(), me, pixels);
            close();
            listener.submitted(outcome, () -> fool.resultShown(outcome.attemptId(), me));
            compare(current, outcome);
        });
    }

    void giveUp() {
        whilePlaying((current, me) -> {
            fool.giveUp(current.id(), me);
            close();
            listener.gaveUp();
            compare(current, null);
        });
    }

    void askHidden(float[] pixels) {
        whilePlaying((current, me) -> {
            int label = fool.askHiddenModel(current.id(), me, pixels);
            Challenge asked = current.afterHiddenAnswer();
            challenge = asked;
            listener.hiddenAnswered(label, asked.hiddenQueriesLeft());
            listener.controlsChanged(controls());
        });
    }

    /** The page is gone: stop the machine's work for it. */
    void leave() {
        stopComparison();
    }

    FoolControls controls() {
        Challenge current = challenge;
        return FoolControls.of(playing && current != null, level, current == null ? 0 : current.hiddenQueriesLeft(),
                player != null && fool.isAvailable(level, dataset));
    }

    private interface Play {
        void on(Challenge challenge, long playerId);
    }

    /** The one guard: actions count only while a joined player's round is open; refusals are reported. */
    private void whilePlaying(Play action) {
        Challenge current = challenge;
        Player me = player;
        Long playerId = me == null ? null : me.getId();
        if (!playing || current == null || playerId == null) {
            return;
        }
        try {
            action.on(current, playerId);
        } catch (SubmissionRejectedException e) {
            listener.refused(e.reason().key(), e.arguments());
        } catch (TooManySubmissionsException e) {
            listener.refused("fool.rejected.too-soon", e.retryAfterSeconds());
        }
    }

    private void show(Challenge current, float[] pixels, long sequence) {
        listener.probed(fool.probe(current, pixels), sequence);
        if (hintOn) {
            listener.hintShown(fool.inkHint(current, pixels));
        }
    }

    private void close() {
        playing = false;
        listener.controlsChanged(controls());
    }

    private void compare(Challenge current, @Nullable AttemptOutcome outcome) {
        listener.comparisonStarted(current, outcome);
        boolean[] answered = {outcome != null};
        comparison = machine.start(current, attempt -> deliver.accept(() -> {
            listener.machineAttempted(attempt);
            if (!answered[0] && attempt.success()) {
                answered[0] = true;
                listener.machineAnswered(attempt, fool.probe(current, attempt.adversarial()));
            }
        }), () -> deliver.accept(listener::comparisonFinished));
    }

    private void stopComparison() {
        Future<?> running = comparison;
        if (running != null) {
            running.cancel(true);
            comparison = null;
        }
    }
}
