package org.adversarialarena.forge.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import org.adversarialarena.base.ui.LocalFormat;
import org.adversarialarena.ml.detective.DetectiveStats;

/** The live detective's state: version, forgeries seen, catch rate, real-image accuracy and loss curve. */
class DetectiveStatusPanel extends Div {

    final Span version = new Span();
    final Span seen = new Span();
    final Span catchRate = new Span();
    final Span realAccuracy = new Span();
    final Span rollbacks = new Span();
    private final Image lossCurve = new Image();

    DetectiveStatusPanel() {
        setId("forge-detective");
        addClassName("forge-detective");
        version.setId("forge-detective-version");
        seen.setId("forge-detective-seen");
        catchRate.setId("forge-detective-catch-rate");
        lossCurve.setId("forge-detective-loss");
        lossCurve.setAlt(getTranslation("forge.detective.loss"));
        Div figures = new Div(version, seen, catchRate, realAccuracy, rollbacks);
        figures.addClassName("forge-detective-figures");
        add(new H4(getTranslation("forge.detective.title")), figures, new Span(getTranslation("forge.detective.loss")),
                lossCurve);
    }

    void show(DetectiveStats stats) {
        version.setText(getTranslation("forge.detective.version", stats.version()));
        seen.setText(getTranslation("forge.detective.seen", stats.forgeriesSeen()));
        catchRate.setText(Double.isNaN(stats.catchRate()) ? getTranslation("forge.detective.catch-rate.none")
                : getTranslation("forge.detective.catch-rate", percent(stats.catchRate()), stats.recentForgeries()));
        realAccuracy.setText(getTranslation("forge.detective.real-accuracy", percent(stats.realAccuracy())));
        rollbacks.setText(getTranslation("forge.detective.rollbacks", stats.rollbacks()));
        lossCurve.setSrc(LossCurve.dataUrl(stats.lossCurve(), new LossCurve.Axes(getTranslation("forge.loss.steps"),
                getTranslation("forge.loss.loss"))));
    }

    static String percent(double probability) {
        return LocalFormat.percent(probability, 1);
    }
}
