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
 * the level's limit for it, so the player sees the budget shrink stroke by stroke.
 */
class BudgetMeters extends Div {

    private final ProgressBar l0Bar = new ProgressBar(0, 1);
    private final ProgressBar linfBar = new ProgressBar(0, 1);
    private final Span l0Text = new Span();
    private final Span linfText = new Span();

    BudgetMeters() {
        addClassName("fool-meters");
        l0Text.setId("fool-l0");
        linfText.setId("fool-linf");
        l0Bar.getElement().setAttribute("aria-label", getTranslation("fool.meter.l0.name"));
        linfBar.getElement().setAttribute("aria-label", getTranslation("fool.meter.linf.name"));
        add(meter(l0Text, l0Bar), meter(linfText, linfBar));
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
        l0Bar.getElement().getThemeList().set("error", budget.kind() == BudgetKind.L0 && use.exhausted());
        linfBar.getElement().getThemeList().set("error", budget.kind() == BudgetKind.LINF && use.exhausted());
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
