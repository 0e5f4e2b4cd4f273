package org.adversarialarena.forge.ui;

import java.util.Optional;
import java.util.function.Supplier;
import org.adversarialarena.forge.LiveVerdict;
import org.adversarialarena.forge.Submission;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.detective.DetectiveStats;
import org.jspecify.annotations.Nullable;

/**
 * What one Forge page is about: the dataset and prompt, the verdict on the canvas as it is now, and
 * the last submission's result for as long as it still describes the canvas. A new stroke, a new
 * sample or a new prompt clears that result, so no "Scored ..." stays under an image it did not score.
 * Plain Java: the view renders it, a test drives it without a browser.
 */
final class ForgeSession {

    private DatasetId dataset;
    private int prompt;
    private boolean saliencyShown = true;
    private @Nullable LiveVerdict verdict;
    /** Whether {@link #verdict} judged the image the canvas shows now (not so after an unjudged stroke). */
    private boolean verdictOfCanvas;
    private @Nullable SubmissionOutcome outcome;
    private long judgements;

    ForgeSession(DatasetId dataset, int prompt) {
        this.dataset = dataset;
        this.prompt = requirePrompt(dataset, prompt);
    }

    /** A new dataset or prompt: nothing is judged yet and no result is shown. */
    void choose(DatasetId chosen, int chosenPrompt) {
        prompt = requirePrompt(chosen, chosenPrompt);
        dataset = chosen;
        verdict = null;
        verdictOfCanvas = false;
        outcome = null;
    }

    /** The canvas shows another image (a stroke, an undo, a generator sample) and this is its verdict. */
    void imageJudged(LiveVerdict newVerdict) {
        verdict = newVerdict;
        verdictOfCanvas = true;
        outcome = null;
        judgements++;
    }

    /**
     * The canvas shows another image that was not judged (it came faster than the live judging cap):
     * the verdict stays, marked as earlier by the page, and a result no longer describes the canvas.
     */
    void imageChangedUnjudged() {
        outcome = null;
        verdictOfCanvas = false;
    }

    /**
     * The same image judged again (a newer detective, or the saliency asked for): a result stays,
     * since the image it scored is still on the canvas.
     */
    void rejudged(LiveVerdict newVerdict) {
        verdict = newVerdict;
        verdictOfCanvas = true;
        judgements++;
    }

    /** Whether the canvas's verdict is older than this detective's state and must be judged again. */
    boolean isOutdatedBy(DetectiveStats stats) {
        return stats.dataset() == dataset && (verdict == null || verdict.detectiveVersion() != stats.version());
    }

    /**
     * Submits through {@code submission} and keeps its outcome as the result on screen. Any earlier
     * result goes first: if the submission fails (the database is away), no earlier result may look
     * like this one's.
     */
    SubmissionOutcome submit(Supplier<Submission> submission) {
        outcome = null;
        SubmissionOutcome result = SubmissionOutcome.of(submission);
        outcome = result;
        return result;
    }

    void showSaliency(boolean shown) {
        saliencyShown = shown;
    }

    boolean saliencyShown() {
        return saliencyShown;
    }

    DatasetId dataset() {
        return dataset;
    }

    int prompt() {
        return prompt;
    }

    Optional<LiveVerdict> verdict() {
        return Optional.ofNullable(verdict);
    }

    /** The verdict on screen if it judged the image the canvas shows now, so judging again may build on it. */
    Optional<LiveVerdict> verdictOfCanvas() {
        return verdictOfCanvas ? Optional.ofNullable(verdict) : Optional.empty();
    }

    /** The last submission's result, while the canvas still shows what it scored. */
    Optional<SubmissionOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    /** How many verdicts this page has shown: the browser watches it, as two verdicts may read the same. */
    long judgements() {
        return judgements;
    }

    private static int requirePrompt(DatasetId dataset, int prompt) {
        if (prompt < 0 || prompt >= dataset.classCount()) {
            throw new IllegalArgumentException("There is no class " + prompt + " in " + dataset.slug());
        }
        return prompt;
    }
}
