package org.adversarialarena.fool;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

/**
 * The lecture's sign-of-the-gradient explanation next to an L∞ level's comparison: on a linear
 * model y = w·x + b, moving every input by ε along sign(w) raises y by ε·‖w‖₁, and with 784 pixels
 * that adds up. FGSM does the same with the sign of the network's gradient.
 */
class LinearToyPanel extends Div {

    private final Paragraph idea = new Paragraph();

    LinearToyPanel() {
        setId("fool-linear-toy");
        addClassName("fool-linear-toy");
        add(new H3(getTranslation("fool.toy.title")), idea);
    }

    void show(float epsilon) {
        idea.setText(getTranslation("fool.toy.idea"));
    }
}
