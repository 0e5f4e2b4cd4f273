package org.adversarialarena.fool.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.adversarialarena.base.ui.ClassBars;
import org.adversarialarena.base.ui.LiveAnnouncer;
import org.adversarialarena.base.ui.LocalFormat;
import org.adversarialarena.fool.Challenge;
import org.adversarialarena.fool.FoolLevel;
import org.adversarialarena.fool.Probe;
import org.jspecify.annotations.Nullable;

/**
 * What the visible model makes of the image after each stroke: its class probabilities (true class,
 * target and top class marked), how far the image is from fooling it and how much the last stroke
 * moved that, its top class (and whether that already fools it), the Sentinel detector's score, the
 * budget spent, and on Blindfold every answer the hidden model gave. Once the round is closed, the
 * status no longer invites a submission. A screen reader hears the top class and the budget after each
 * stroke, the hidden model's answers and the round's result through {@link #announcer}.
 */
class ProbeFeedback extends Div {

    final ClassBars bars = new ClassBars();
    final Paragraph status = new Paragraph();
    final Paragraph tooFast = new Paragraph();
    final Span distance = new Span();
    final Span distanceChange = new Span();
    final OrderedList hiddenAnswers = new OrderedList();
    private final ProgressBar distanceBar = new ProgressBar(0, 1);
    private final H3 title = new H3();
    private final Paragraph target = new Paragraph();
    private final Paragraph detector = new Paragraph();
    private final Div hiddenHistory;
    final BudgetMeters meters = new BudgetMeters();
    final LiveAnnouncer announcer = new LiveAnnouncer("fool-announcer");
    private final IntFunction<String> className;
    private FoolLevel level = FoolLevel.FEW_PIXELS;
    private @Nullable Challenge challenge;
    private @Nullable FoolingDistance startDistance;
    private @Nullable FoolingDistance lastDistance;
    private boolean roundOpen;

    ProbeFeedback(IntFunction<String> className) {
        this.className = className;
        addClassName("fool-feedback");
        bars.setId("fool-bars");
        bars.setMarkerWords(getTranslation("fool.bars.true"), getTranslation("fool.bars.target"));
        status.setId("fool-status");
        target.setId("fool-target");
        target.addClassName("fool-target");
        target.setVisible(false);
        detector.setId("fool-detector");
        detector.setVisible(false);
        tooFast.setId("fool-too-fast");
        tooFast.setText(getTranslation("live.too-fast"));
        tooFast.setVisible(false);
        distance.setId("fool-distance");
        distanceChange.setId("fool-distance-change");
        distanceChange.addClassName("fool-distance-change");
        distanceBar.setId("fool-distance-bar");
        distanceBar.getElement().setAttribute("aria-label", getTranslation("fool.distance.name"));
        Div distanceMeter = new Div(new Div(distance, distanceChange), distanceBar);
        distanceMeter.addClassNames("fool-meter", "fool-distance");
        distanceMeter.setTitle(getTranslation("fool.distance.help"));
        hiddenAnswers.setId("fool-hidden-answers");
        hiddenHistory = new Div(new Span(getTranslation("fool.hidden.history")), hiddenAnswers);
        hiddenHistory.setId("fool-hidden-history");
        hiddenHistory.addClassName("fool-hidden-history");
        hiddenHistory.setVisible(false);
        add(title, target, bars, status, tooFast, distanceMeter, detector, meters, hiddenHistory, announcer);
    }

    void showLevel(FoolLevel shown) {
        level = shown;
        title.setText(getTranslation(shown.hiddenModel() ? "fool.model-says.practice" : "fool.model-says"));
    }

    void start(Challenge started) {
        challenge = started;
        roundOpen = true;
        startDistance = null;
        lastDistance = null;
        showLevel(started.level());
        bars.setLabels(IntStream.range(0, started.dataset().classCount()).mapToObj(className).toList());
        bars.setTrueClass(started.trueClass());
        bars.setTargetClass(started.targetClass());
        target.setVisible(started.targeted());
        if (started.targeted()) {
            target.setText(getTranslation("fool.target", className.apply(started.trueClass()),
                    className.apply(started.targetClass())));
        }
        hiddenAnswers.removeAll();
        hiddenHistory.setVisible(started.level().hiddenModel());
    }

    void show(Probe probe, long sequence) {
        tooFast.setVisible(false);
        bars.setValues(probe.probabilities());
        // The browser test measures the stroke-to-bars round trip by waiting for this number.
        bars.getElement().setAttribute("data-seq", String.valueOf(sequence));
        meters.show(probe.use());
        showDistance(probe);
        String says = getTranslation("fool.status.says", className.apply(probe.predictedClass()),
                percent(probe.probabilities()[probe.predictedClass()]));
        // On Blindfold the practice model is not the judge: fooling it earns no green.
        boolean cheer = roundOpen && probe.fooled() && !level.hiddenModel();
        status.setText(cheer ? says + " " + getTranslation("fool.status.fooled") : says);
        status.getElement().getClassList().set("fool-good", cheer);
        detector.setVisible(level.guardedByDetector());
        if (level.guardedByDetector()) {
            detector.setText(getTranslation(probe.flagged() ? "fool.detector.flagged" : "fool.detector.clean",
                    LocalFormat.percent(probe.detectorScore(), 0)));
            detector.getElement().getClassList().set("fool-bad", probe.flagged());
        }
        announcer.announce(String.join(" ", status.getText(), meters.summary(),
                level.guardedByDetector() ? detector.getText() : ""));
    }

    /** The round ended (submitted or given up): the status says so instead of inviting a submission. */
    void closed(String key) {
        roundOpen = false;
        status.setText(getTranslation(key));
        status.getElement().getClassList().remove("fool-good");
    }

    /** How the round ended, for a screen reader (the page shows it in the result panel). */
    void announceResult(String result) {
        announcer.announce(result);
    }

    /** One more answer of the hidden model, kept in view for the rest of the round. */
    void hiddenAnswered(int label, int left) {
        Challenge current = challenge;
        boolean fooled = current != null && current.goal().reachedBy(label);
        ListItem answer = new ListItem(getTranslation(fooled ? "fool.hidden.answer-fooled" : "fool.hidden.answer-not-fooled",
                className.apply(label), left));
        answer.addClassName(fooled ? "fool-good" : "fool-bad");
        hiddenAnswers.add(answer);
        announcer.announce(answer.getText());
    }

    /** Stroke {@code sequence} was not judged: the bars still show an earlier one, and the player is told. */
    void tooFast(long sequence) {
        tooFast.setVisible(true);
        bars.getElement().setAttribute("data-seq", String.valueOf(sequence));
    }

    /** Nothing to judge: the level cannot be played. */
    void clear() {
        status.setText("");
        distance.setText("");
        distanceChange.setText("");
        detector.setVisible(false);
        target.setVisible(false);
        hiddenHistory.setVisible(false);
    }

    private void showDistance(Probe probe) {
        Challenge current = challenge;
        if (current == null) {
            return;
        }
        FoolingDistance now = FoolingDistance.of(probe.probabilities(), current.trueClass(), current.targetClass());
        FoolingDistance start = startDistance == null ? now : startDistance;
        startDistance = start;
        FoolingDistance last = lastDistance;
        lastDistance = now;
        distance.setText(getTranslation("fool.distance", signed(now.gap())));
        distanceChange.setText(last == null ? "" : getTranslation("fool.distance.change", signed(now.since(last))));
        distanceChange.getElement().getClassList().set("fool-good", last != null && now.since(last) < 0);
        distanceChange.getElement().getClassList().set("fool-bad", last != null && now.since(last) > 0);
        double scale = Math.max(start.gap(), now.gap());
        distanceBar.setValue(scale > 0 ? Math.clamp(now.gap() / scale, 0.0, 1.0) : 0.0);
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.2f", value);
    }

    static String percent(float probability) {
        return LocalFormat.percent(probability, 1);
    }
}
