package org.adversarialarena.fool.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.adversarialarena.base.ui.ClassBars;
import org.adversarialarena.base.ui.LocalFormat;
import org.adversarialarena.fool.Challenge;
import org.adversarialarena.fool.FoolLevel;
import org.adversarialarena.fool.Probe;

/**
 * What the visible model makes of the image after each stroke: its class probabilities, its top class
 * (and whether that already fools it), the Sentinel detector's score and the budget spent.
 */
class ProbeFeedback extends Div {

    final ClassBars bars = new ClassBars();
    final Paragraph status = new Paragraph();
    final Paragraph tooFast = new Paragraph();
    private final H3 title = new H3();
    private final Paragraph detector = new Paragraph();
    private final BudgetMeters meters = new BudgetMeters();
    private final IntFunction<String> className;
    private FoolLevel level = FoolLevel.FEW_PIXELS;

    ProbeFeedback(IntFunction<String> className) {
        this.className = className;
        addClassName("fool-feedback");
        bars.setId("fool-bars");
        status.setId("fool-status");
        detector.setId("fool-detector");
        detector.setVisible(false);
        tooFast.setId("fool-too-fast");
        tooFast.setText(getTranslation("live.too-fast"));
        tooFast.setVisible(false);
        add(title, bars, status, tooFast, detector, meters);
    }

    void showLevel(FoolLevel shown) {
        level = shown;
        title.setText(getTranslation(shown.hiddenModel() ? "fool.model-says.practice" : "fool.model-says"));
    }

    void start(Challenge challenge) {
        showLevel(challenge.level());
        bars.setLabels(IntStream.range(0, challenge.dataset().classCount()).mapToObj(className).toList());
        bars.setTrueClass(challenge.trueClass());
        bars.setTargetClass(challenge.targetClass());
    }

    void show(Probe probe, long sequence) {
        tooFast.setVisible(false);
        bars.setValues(probe.probabilities());
        // The browser test measures the stroke-to-bars round trip by waiting for this number.
        bars.getElement().setAttribute("data-seq", String.valueOf(sequence));
        meters.show(probe.use());
        String says = getTranslation("fool.status.says", className.apply(probe.predictedClass()),
                percent(probe.probabilities()[probe.predictedClass()]));
        status.setText(probe.fooled() && !level.hiddenModel() ? says + " " + getTranslation("fool.status.fooled") : says);
        status.getElement().getClassList().set("fool-good", probe.fooled());
        detector.setVisible(level.guardedByDetector());
        if (level.guardedByDetector()) {
            detector.setText(getTranslation(probe.flagged() ? "fool.detector.flagged" : "fool.detector.clean",
                    LocalFormat.percent(probe.detectorScore(), 0)));
            detector.getElement().getClassList().set("fool-bad", probe.flagged());
        }
    }

    /** Stroke {@code sequence} was not judged: the bars still show an earlier one, and the player is told. */
    void tooFast(long sequence) {
        tooFast.setVisible(true);
        bars.getElement().setAttribute("data-seq", String.valueOf(sequence));
    }

    /** Nothing to judge: the level cannot be played. */
    void clear() {
        status.setText("");
        detector.setVisible(false);
    }

    static String percent(float probability) {
        return LocalFormat.percent(probability, 1);
    }
}
