package org.adversarialarena.judge.ui;

import java.util.Optional;
import java.util.function.Supplier;
import org.adversarialarena.judge.JudgeMode;
import org.adversarialarena.judge.JudgeResult;
import org.adversarialarena.judge.Reveal;
import org.adversarialarena.judge.ShownImage;
import org.adversarialarena.ml.data.DatasetId;
import org.jspecify.annotations.Nullable;

/**
 * What one Judge page is about: the chosen dataset and mode, the image waiting for an answer, the
 * last reveal and, at the end, the result. It lets an answer through only while an image waits and
 * "next" only after a reveal, so a repeated key press sends nothing twice. Plain Java: the view
 * renders it, a test drives it without a browser.
 */
final class JudgePlay {

    enum Phase {
        /** No session, or the last one ended: choose and start. */
        CHOOSING,
        /** An image waits for "real" or "fake". */
        SHOWING,
        /** The answer is stored and its truth shown; "next" brings the next image. */
        REVEALED,
        /** Every image is answered; the result is shown. */
        FINISHED
    }

    private DatasetId dataset;
    private JudgeMode mode;
    private Phase phase = Phase.CHOOSING;
    private @Nullable ShownImage image;
    private @Nullable Reveal reveal;
    private @Nullable JudgeResult result;
    private int answered;
    private int correct;

    JudgePlay(DatasetId dataset, JudgeMode mode) {
        this.dataset = dataset;
        this.mode = mode;
    }

    /** Another dataset or mode: only between sessions, and it ends a session under way. */
    void choose(DatasetId chosenDataset, JudgeMode chosenMode) {
        dataset = chosenDataset;
        mode = chosenMode;
        phase = Phase.CHOOSING;
        image = null;
        reveal = null;
        result = null;
    }

    /** A new session's first image. */
    void started(ShownImage first) {
        image = first;
        reveal = null;
        result = null;
        answered = 0;
        correct = 0;
        phase = Phase.SHOWING;
    }

    boolean canAnswer() {
        return phase == Phase.SHOWING && image != null;
    }

    boolean canGoOn() {
        return phase == Phase.REVEALED;
    }

    /** Sends the answer through {@code answer} if an image waits; the reveal follows, or nothing happens. */
    Optional<Reveal> answer(Supplier<Reveal> answer) {
        if (!canAnswer()) {
            return Optional.empty();
        }
        Reveal shown = answer.get();
        reveal = shown;
        answered++;
        correct += shown.correct() ? 1 : 0;
        if (shown.finished().isPresent()) {
            result = shown.finished().get();
            phase = Phase.FINISHED;
        } else {
            phase = Phase.REVEALED;
        }
        return Optional.of(shown);
    }

    /** The next image from {@code next}, after a reveal; an empty answer ends the session. */
    void goOn(Supplier<Optional<ShownImage>> next) {
        if (!canGoOn()) {
            return;
        }
        Optional<ShownImage> following = next.get();
        if (following.isPresent()) {
            image = following.get();
            phase = Phase.SHOWING;
        } else {
            phase = Phase.FINISHED;
        }
    }

    DatasetId dataset() {
        return dataset;
    }

    JudgeMode mode() {
        return mode;
    }

    Phase phase() {
        return phase;
    }

    Optional<ShownImage> image() {
        return Optional.ofNullable(image);
    }

    Optional<Reveal> reveal() {
        return Optional.ofNullable(reveal);
    }

    Optional<JudgeResult> result() {
        return Optional.ofNullable(result);
    }

    int answered() {
        return answered;
    }

    int correct() {
        return correct;
    }
}
