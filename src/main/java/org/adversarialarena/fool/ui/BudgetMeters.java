package org.adversarialarena.fool.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.adversarialarena.base.ui.LocalFormat;
import org.adversarialarena.fool.Budget;
import org.adversarialarena.fool.BudgetKind;
import org.adversarialarena.fool.BudgetUse;
import org.adversarialarena.ml.image.ImagePixels;

/**
 * What the edit uses: pixels changed (L0) and the largest change of any pixel (L∞), each against
 * the level's limit for it, so the player sees the budget shrink stroke by stroke. On an L0 level any
 * pixel may take any value, so one pixel fills an L∞ meter: it would say nothing and is not shown.
 * A meter exactly at its limit is within the budget: only an edit beyond it is an error.
 */
class BudgetMeters extends Div {

    final ProgressBar l0Bar = new ProgressBar(0, 1);
    private final ProgressBar linfBar = new ProgressBar(0, 1);
    private final Span l0Text = new Span();
    private final Span linfText = new Span();
    final Div linfMeter;

    BudgetMeters() {
        addClassName("fool-meters");
        l0Text.setId("fool-l0");
        linfText.setId("fool-linf");
        l0Bar.getElement().setAttribute("aria-label", getTranslation("fool.meter.l0.name"));
        linfBar.getElement().setAttribute("aria-label", getTranslation("fool.meter.linf.name"));
        linfMeter = meter(linfText, linfBar);
        linfMeter.setId("fool-linf-meter");
        add(meter(l0Text, l0Bar), linfMeter);
    }

    void show(BudgetUse use) {
        Budget budget = use.budget();
        int l0 = use.change().l0();
        float linf = use.change().linf();
        l0Bar.setValue(share(l0 / (double) budget.maxChangedPixels()));
        linfBar.setValue(share(linf / budget.maxPixelChange()));
        l0Text.setText(budget.kind() == BudgetKind.L0
                ? getTranslation("fool.meter.l0-limited", l0, budget.maxChangedPixels())
                : getTranslation("fool.meter.l0", l0, ImagePixels.COUNT));
        linfText.setText(getTranslation(budget.kind() == BudgetKind.LINF ? "fool.meter.linf-limited" : "fool.meter.linf",
                LocalFormat.decimal(linf, 2), LocalFormat.decimal(budget.maxPixelChange(), 2)));
        linfMeter.setVisible(budget.kind() == BudgetKind.LINF);
        ProgressBar limited = budget.kind() == BudgetKind.L0 ? l0Bar : linfBar;
        limited.getElement().getThemeList().set("error", !use.withinBudget());
        limited.getElement().getThemeList().set("contrast", use.withinBudget() && use.exhausted());
        ProgressBar other = limited == l0Bar ? linfBar : l0Bar;
        other.getElement().getThemeList().remove("error");
        other.getElement().getThemeList().remove("contrast");
    }

    /** What the meters say, as one sentence for a screen reader: the limited budget first. */
    String summary() {
        return linfMeter.isVisible() ? linfText.getText() + " " + l0Text.getText() : l0Text.getText();
    }

    /**
     * At most 1, rounded to a thousandth: the bar writes its value into aria-valuenow, where float
     * noise such as 5.96e-8 is not a valid number.
     */
    private static double share(double used) {
        return Math.round(Math.min(1.0, used) * 1000) / 1000.0;
    }

    private static Div meter(Span text, ProgressBar bar) {
        // A screen reader names the bar by the text above it (WCAG 4.1.2).
        bar.getElement().setAttribute("aria-labelledby", text.getId().orElseThrow());
        Div meter = new Div(text, bar);
        meter.addClassName("fool-meter");
        return meter;
    }
}
