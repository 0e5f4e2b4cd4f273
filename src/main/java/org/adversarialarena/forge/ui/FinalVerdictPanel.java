package org.adversarialarena.forge.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.adversarialarena.base.ui.LocalFormat;
import org.adversarialarena.forge.ForgeService;
import org.adversarialarena.forge.Forgery;
import org.adversarialarena.forge.Reverdict;
import org.adversarialarena.ml.data.DatasetId;

/**
 * The final verdict of a competition: every forgery of a period judged again by the detective as it
 * is now, after it has learned from everyone. A forgery that fooled yesterday's detective may not
 * survive today's.
 */
class FinalVerdictPanel extends Details {

    private static final int SHOWN = 10;
    private static final List<Duration> PERIODS = List.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7));

    final Select<Duration> period = new Select<>();
    final Button judge = new Button();
    final OrderedList ranking = new OrderedList();
    private final Paragraph summary = new Paragraph();

    FinalVerdictPanel(ForgeService forge, Clock clock, Supplier<DatasetId> dataset, IntFunction<String> className) {
        setSummaryText(getTranslation("forge.final.title"));
        setId("forge-final-verdict");
        period.setId("forge-final-period");
        period.setLabel(getTranslation("forge.final.period"));
        period.setItems(PERIODS);
        period.setItemLabelGenerator(duration -> getTranslation("forge.final.period." + duration.toHours()));
        period.setValue(Duration.ofDays(1));
        judge.setText(getTranslation("forge.final.judge"));
        judge.setId("forge-final-judge");
        ranking.setId("forge-final-ranking");
        judge.addClickListener(click -> {
            Instant now = clock.instant();
            Duration chosen = period.getValue() == null ? Duration.ofDays(1) : period.getValue();
            show(forge.finalVerdict(dataset.get(), now.minus(chosen), now), className);
        });
        Div controls = new Div(period, judge);
        controls.addClassName("forge-final-controls");
        add(new Paragraph(getTranslation("forge.final.text")), controls, summary, ranking);
    }

    private void show(List<Reverdict> reverdicts, IntFunction<String> className) {
        ranking.removeAll();
        long survived = reverdicts.stream().filter(Reverdict::stillFoolsTheDetective).count();
        summary.setText(getTranslation("forge.final.summary", reverdicts.size(), survived));
        for (Reverdict reverdict : reverdicts.subList(0, Math.min(SHOWN, reverdicts.size()))) {
            Forgery forgery = reverdict.forgery();
            ranking.add(new ListItem(getTranslation("forge.final.row", forgery.nickname(),
                    className.apply(forgery.promptClass()), points(forgery.score()), forgery.detectiveVersion(),
                    points(reverdict.points()))));
        }
    }

    private static String points(double points) {
        return LocalFormat.decimal(points, 1);
    }
}
