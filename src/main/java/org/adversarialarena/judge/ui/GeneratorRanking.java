package org.adversarialarena.judge.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Locale;
import java.util.OptionalLong;
import org.adversarialarena.judge.ClassStanding;
import org.adversarialarena.judge.Generator;
import org.adversarialarena.judge.GeneratorStanding;
import org.adversarialarena.judge.JudgeRanking;
import org.adversarialarena.ml.metrics.RateInterval;

/**
 * "Which generator fools people most?": generators by HYPE∞ with their 95 % intervals, the number of
 * evaluations, and our Fréchet distance beside them; then the classes whose fakes fool most.
 */
class GeneratorRanking extends Div {

    final OrderedList generators = new OrderedList();
    final OrderedList classes = new OrderedList();
    final Paragraph reals = new Paragraph();

    GeneratorRanking() {
        setId("judge-ranking");
        addClassName("judge-ranking");
        generators.setId("judge-ranking-generators");
        classes.setId("judge-ranking-classes");
        reals.setId("judge-ranking-reals");
        add(new H3(getTranslation("judge.ranking.title")), new Paragraph(getTranslation("judge.ranking.text")),
                generators, reals, new H3(getTranslation("judge.ranking.classes")), classes);
    }

    void show(JudgeRanking ranking) {
        generators.removeAll();
        for (GeneratorStanding standing : ranking.generators()) {
            String fid = standing.frechetDistance().isPresent()
                    ? String.format(Locale.ROOT, "%.1f", standing.frechetDistance().getAsDouble())
                    : getTranslation("judge.ranking.no-fid");
            String name = nameOf(this, standing.generatorId(), standing.name());
            ListItem row = new ListItem(standing.hype().isEmpty()
                    ? getTranslation("judge.ranking.row.none", name, fid)
                    : getTranslation("judge.ranking.row", name, rate(standing.hype()),
                            standing.hype().trials(), standing.hype().evaluators(), fid));
            row.getElement().setAttribute("data-generator", standing.generatorId());
            generators.add(row);
        }
        reals.setText(getTranslation("judge.ranking.reals", rate(ranking.realsCalledFake()),
                ranking.realsCalledFake().trials()));
        classes.removeAll();
        for (ClassStanding standing : ranking.classes()) {
            if (!standing.fooled().isEmpty()) {
                classes.add(new ListItem(getTranslation("judge.ranking.class",
                        getTranslation("dataset." + ranking.dataset().slug() + ".class." + standing.classIndex()),
                        rate(standing.fooled()), standing.fooled().trials())));
            }
        }
        if (classes.getChildren().findAny().isEmpty()) {
            classes.add(new ListItem(getTranslation("judge.ranking.none")));
        }
    }

    /** A generator's name as {@code page}'s reader reads it. */
    static String nameOf(Component page, String generatorId, String name) {
        if (Generator.isCrowd(generatorId)) {
            return page.getTranslation("judge.generator.crowd");
        }
        OptionalLong labRun = Generator.labRunOf(generatorId);
        if (labRun.isPresent()) {
            // The model's kind is the part in brackets of the name the Lab gave it ("Lab run 42 (MLP)").
            int open = name.lastIndexOf('(');
            String model = open >= 0 && name.endsWith(")") ? name.substring(open + 1, name.length() - 1) : "";
            return page.getTranslation("judge.generator.lab", Long.toString(labRun.getAsLong()), model);
        }
        return name;
    }

    /** "42 % (31–55 %)", or "no evaluations yet". */
    private String rate(RateInterval interval) {
        if (interval.isEmpty()) {
            return getTranslation("judge.ranking.no-evaluations");
        }
        return getTranslation("judge.ranking.rate", percent(interval.rate()), percent(interval.low()),
                percent(interval.high()));
    }

    private static String percent(double share) {
        return Long.toString(Math.round(100 * share));
    }
}
