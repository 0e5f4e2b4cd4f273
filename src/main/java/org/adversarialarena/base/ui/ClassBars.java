package org.adversarialarena.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.internal.JacksonUtils;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server side of {@code <class-bars>}: a model's probability for each class as a bar, with the
 * top class, the true class and a target class marked by symbol and word as well as colour.
 */
@Tag("class-bars")
@JsModule("./components/class-bars.ts")
public class ClassBars extends Component implements HasSize {

    private int classes;

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // A screen reader reads a list, one item per class with its marks and its value (WCAG 1.3.1);
        // the name is set on attach, when the reader's language is known.
        getElement().setAttribute("role", "list");
        getElement().setAttribute("aria-label", getTranslation("bars.name"));
    }

    /** The class names, in class-index order. */
    public void setLabels(List<String> labels) {
        classes = labels.size();
        getElement().setPropertyJson("labels", JsonArrays.of(labels));
    }

    /** One probability per class; each finite and in [0, 1]. */
    public void setValues(float[] probabilities) {
        if (classes > 0 && probabilities.length != classes) {
            throw new IllegalArgumentException(classes + " classes but " + probabilities.length + " values");
        }
        for (float p : probabilities) {
            if (!(p >= 0f && p <= 1f)) {
                throw new IllegalArgumentException("Probabilities lie in [0, 1], was " + p);
            }
        }
        getElement().setPropertyJson("values", JsonArrays.of(probabilities));
    }

    /** Marks the class the image really shows (−1 for none). */
    public void setTrueClass(int classIndex) {
        getElement().setProperty("trueClass", classIndex);
    }

    /** The words shown after the true class's and the target's labels, so marks do not rest on colour alone. */
    public void setMarkerWords(String trueWord, String targetWord) {
        ObjectNode words = JacksonUtils.createObjectNode();
        words.put("true", trueWord);
        words.put("target", targetWord);
        getElement().setPropertyJson("markers", words);
    }

    /** Marks the class a targeted attack aims for (−1 for none). */
    public void setTargetClass(int classIndex) {
        getElement().setProperty("targetClass", classIndex);
    }
}
