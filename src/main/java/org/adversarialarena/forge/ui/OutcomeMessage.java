package org.adversarialarena.forge.ui;

import com.vaadin.flow.component.html.Paragraph;
import java.util.Optional;
import org.adversarialarena.forge.Submission;

/** The result of the last submission, or nothing once the canvas has changed since. */
class OutcomeMessage extends Paragraph {

    OutcomeMessage() {
        setId("forge-message");
        addClassName("forge-message");
        // A submission's result is read out when it appears (WCAG 4.1.3), without moving the focus.
        getElement().setAttribute("role", "status");
        getElement().setAttribute("aria-live", "polite");
    }

    void show(Optional<SubmissionOutcome> outcome, String promptName) {
        setText(outcome.map(shown -> text(shown, promptName)).orElse(""));
        setClassName("forge-error", outcome.filter(SubmissionOutcome::refused).isPresent());
    }

    private String text(SubmissionOutcome outcome, String promptName) {
        return switch (outcome) {
            case SubmissionOutcome.Scored scored when scored.counted() -> scored(scored.submission());
            case SubmissionOutcome.Scored scored -> getTranslation("forge.submitted.not-counted", promptName,
                    DetectiveStatusPanel.percent(scored.submission().score().realProbability()));
            case SubmissionOutcome.Blank blank -> getTranslation("forge.error.blank");
            case SubmissionOutcome.Copied copied -> getTranslation("forge.error.duplicate");
            case SubmissionOutcome.TooFast tooFast -> getTranslation("forge.error.too-fast", tooFast.retryAfterSeconds());
            case SubmissionOutcome.Unjudgeable unjudgeable -> getTranslation("forge.error.invalid", unjudgeable.reason());
        };
    }

    private String scored(Submission submission) {
        var score = submission.score();
        return getTranslation("forge.submitted", score.points(), DetectiveStatusPanel.percent(score.realProbability()),
                submission.detectiveVersion());
    }
}
