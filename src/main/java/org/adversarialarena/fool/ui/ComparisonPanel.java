package org.adversarialarena.fool.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.function.IntFunction;
import org.adversarialarena.base.ui.LocalFormat;
import org.adversarialarena.base.ui.PixelImage;
import org.adversarialarena.fool.AttemptOutcome;
import org.adversarialarena.fool.Budget;
import org.adversarialarena.fool.FoolLevel;
import org.adversarialarena.fool.MachineAttempt;
import org.adversarialarena.ml.attack.Perturbation;

/**
 * The player's attempt next to the machine's attacks on the same image and budget: whether each
 * fooled the judging model, whether it stayed within the budget, its norms, its time, and its
 * perturbation as a heat map (red where ink was added, blue where it was removed).
 */
class ComparisonPanel extends Div {

    private final Div rows = new Div();
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph note = new Paragraph();
    private int machineRows;

    ComparisonPanel() {
        setId("fool-comparison");
        addClassName("fool-comparison");
        progress.setIndeterminate(true);
        rows.addClassName("fool-comparison-rows");
        note.addClassName("fool-note");
        add(new H3(getTranslation("fool.comparison.title")), note, rows, progress);
        setVisible(false);
    }

    /** Starts a comparison: the header row and, if the player submitted, their own line. */
    void begin(FoolLevel level, Budget budget) {
        rows.removeAll();
        machineRows = 0;
        note.setText(getTranslation("fool.comparison.note", budget.display()));
        rows.add(header());
        progress.setVisible(true);
        setVisible(true);
    }

    void addPlayer(AttemptOutcome outcome, String predicted, String nickname) {
        Div row = row(getTranslation("fool.comparison.you", nickname), outcome.difference(), outcome.verdict().success(),
                outcome.use().withinBudget(), predicted, outcome.use().change(), null);
        markFlagged(row, outcome.verdict().flagged());
        row.addClassName("fool-comparison-player");
        row.setId("fool-comparison-player");
        rows.add(row);
    }

    void addMachine(MachineAttempt attempt, IntFunction<String> className) {
        String name = attempt.transferred() ? getTranslation("fool.comparison.transferred", attempt.attack())
                : attempt.attack();
        Div row = row(name, attempt.difference(), attempt.fooled(), attempt.withinBudget(),
                className.apply(attempt.predictedClass()), attempt.change(), attempt.millis());
        markFlagged(row, attempt.flagged());
        row.addClassName("fool-comparison-machine");
        row.setId("fool-comparison-machine-" + machineRows++);
        rows.add(row);
    }

    private void markFlagged(Div row, boolean flagged) {
        if (flagged) {
            ((Span) row.getComponentAt(2)).setText(getTranslation("fool.comparison.flagged"));
        }
    }

    void finished() {
        progress.setVisible(false);
    }

    void hide() {
        setVisible(false);
        rows.removeAll();
    }

    private Div header() {
        Div header = new Div();
        header.addClassNames("fool-comparison-row", "fool-comparison-header");
        for (String key : new String[] {"perturbation", "who", "fooled", "budget", "says", "l0", "l2", "linf", "time"}) {
            header.add(new Span(getTranslation("fool.comparison.column." + key)));
        }
        return header;
    }

    private Div row(String who, float[] difference, boolean fooled, boolean withinBudget, String predicted,
            Perturbation change, Double millis) {
        PixelImage heat = new PixelImage(difference, PixelImage.Palette.SIGNED,
                getTranslation("fool.comparison.heat-label", who));
        heat.setDisplaySize("56px");
        Div row = new Div();
        row.addClassName("fool-comparison-row");
        row.add(heat, new Span(who), verdict(fooled, "fool.comparison.fooled", "fool.comparison.not-fooled"),
                verdict(withinBudget, "fool.comparison.within", "fool.comparison.over"), new Span(predicted),
                new Span(String.valueOf(change.l0())), new Span(format(change.l2())), new Span(format(change.linf())),
                new Span(millis == null ? "–" : LocalFormat.decimal(millis, 0) + " ms"));
        return row;
    }

    private Component verdict(boolean good, String goodKey, String badKey) {
        Span verdict = new Span(getTranslation(good ? goodKey : badKey));
        verdict.addClassName(good ? "fool-good" : "fool-bad");
        return verdict;
    }

    private static String format(float value) {
        return LocalFormat.decimal(value, 2);
    }
}
