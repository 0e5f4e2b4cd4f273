package org.adversarialarena.fool.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.adversarialarena.base.ui.LocalFormat;
import org.adversarialarena.ml.explain.LinearToyModel;

/**
 * The lecture's sign-of-the-gradient explanation next to an L∞ level's comparison, with the numbers
 * of the linear toy model: y = w·x + b, x* = x + ε·sign(w), and y moves by ε·‖w‖₁. A table of the
 * six inputs shows each one moving by only ε while every contribution pushes y the same way.
 */
class LinearToyPanel extends Div {

    private final Paragraph idea = new Paragraph();
    private final Div table = new Div();
    private final Paragraph numbers = new Paragraph();

    LinearToyPanel() {
        setId("fool-linear-toy");
        addClassName("fool-linear-toy");
        table.addClassName("fool-toy-table");
        numbers.setId("fool-linear-toy-numbers");
        add(new H3(getTranslation("fool.toy.title")), idea, table, numbers);
    }

    void show(float epsilon) {
        idea.setText(getTranslation("fool.toy.idea"));
        LinearToyModel.Walkthrough walk = LinearToyModel.LECTURE.walkThrough(LinearToyModel.LECTURE_INPUT, epsilon);
        table.removeAll();
        row("w", walk.weights());
        row("x", walk.input());
        row("ε·sign(w)", walk.perturbation());
        row("x*", walk.attacked());
        row("w·Δx", walk.contributions());
        numbers.setText(getTranslation("fool.toy.numbers", format(epsilon), format(walk.score()), format(walk.attackedScore()),
                format(walk.scoreShift()), format(LinearToyModel.LECTURE.l1Norm()),
                format(epsilon * 784 * LinearToyModel.LECTURE.l1Norm() / LinearToyModel.LECTURE.dimensions())));
    }

    private void row(String name, float[] values) {
        table.add(new Span(name));
        for (float value : values) {
            table.add(new Span(format(value)));
        }
    }

    private static String format(double value) {
        return LocalFormat.decimal(value, 2);
    }
}
