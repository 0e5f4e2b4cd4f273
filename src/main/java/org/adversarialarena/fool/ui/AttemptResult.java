package org.adversarialarena.fool.ui;

import com.vaadin.flow.component.html.Paragraph;
import java.util.function.IntFunction;
import org.adversarialarena.base.ui.LocalFormat;
import org.adversarialarena.fool.AttemptOutcome;
import org.adversarialarena.fool.MachineAttempt;
import org.adversarialarena.fool.Verdict;

/** How the round ended: the server's verdict and points, the give-up, or the machine's answer. */
class AttemptResult extends Paragraph {

    private final IntFunction<String> className;

    AttemptResult(IntFunction<String> className) {
        this.className = className;
        setId("fool-result");
        addClassName("fool-result");
        setVisible(false);
    }

    void submitted(AttemptOutcome outcome) {
        Verdict verdict = outcome.verdict();
        String says = className.apply(verdict.predictedClass());
        String confidence = ProbeFeedback.percent(verdict.confidence());
        if (verdict.success()) {
            show(getTranslation("fool.result.success", says, confidence, LocalFormat.decimal(outcome.points(), 1)),
                    true, false);
        } else if (verdict.flagged()) {
            show(getTranslation("fool.result.flagged"), false, true);
        } else {
            show(getTranslation("fool.result.failure", says, confidence), false, true);
        }
    }

    void gaveUp() {
        show(getTranslation("fool.result.given-up"), false, false);
    }

    void machineAnswered(MachineAttempt attempt) {
        setText(getTranslation("fool.result.machine-answer", attempt.attack(), className.apply(attempt.predictedClass())));
    }

    void hide() {
        setVisible(false);
    }

    private void show(String text, boolean success, boolean failure) {
        setText(text);
        getElement().getClassList().set("fool-success", success);
        getElement().getClassList().set("fool-failure", failure);
        setVisible(true);
    }
}
