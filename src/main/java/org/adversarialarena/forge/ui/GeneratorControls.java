package org.adversarialarena.forge.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import org.adversarialarena.ml.gan.LatentSteering;
import org.jspecify.annotations.Nullable;

/**
 * Steering the generator: a new sample, five latent sliders, and a blend towards a sample kept as
 * "A". Every change hands the resulting latent vector to the view, which draws the generator's
 * image on the canvas for the player to touch up.
 */
class GeneratorControls extends Div {

    final Button shuffle = new Button();
    final Button keepA = new Button();
    final Input[] sliders = new Input[LatentSteering.SLIDERS];
    final Input blend = new Input(ValueChangeMode.ON_CHANGE);

    private final LatentSteering steering;
    private final Consumer<float[]> onLatent;
    private final Random random = new Random();
    private float @Nullable [] base;
    private float @Nullable [] keptA;

    GeneratorControls(LatentSteering steering, Consumer<float[]> onLatent) {
        this.steering = steering;
        this.onLatent = onLatent;
        setId("forge-generator");
        addClassName("forge-generator");
        shuffle.setText(getTranslation("forge.generator.shuffle"));
        shuffle.setId("forge-shuffle");
        shuffle.addClickListener(click -> newSample());
        keepA.setText(getTranslation("forge.generator.keep"));
        keepA.setId("forge-keep-a");
        keepA.setEnabled(false);
        keepA.addClickListener(click -> keepCurrentAsA());
        Div sliderRows = new Div();
        sliderRows.addClassName("forge-sliders");
        for (int i = 0; i < sliders.length; i++) {
            sliders[i] = range("forge-slider-" + i, -LatentSteering.MAX_AMOUNT, LatentSteering.MAX_AMOUNT, 0.1, 0);
            sliderRows.add(labelled(sliders[i], getTranslation("forge.generator.slider", i + 1)));
        }
        range(blend, "forge-blend", 0, 1, 0.05, 0);
        blend.setEnabled(false);
        sliderRows.add(labelled(blend, getTranslation("forge.generator.blend")));
        Div buttons = new Div(shuffle, keepA);
        buttons.addClassName("forge-generator-buttons");
        add(new H4(getTranslation("forge.generator.title")), new Paragraph(getTranslation("forge.generator.text")),
                buttons, sliderRows);
    }

    /** Forgets the current sample, e.g. when the dataset or the prompt changes. */
    void reset() {
        base = null;
        keptA = null;
        keepA.setEnabled(false);
        blend.setEnabled(false);
        blend.setValue("0");
        for (Input slider : sliders) {
            slider.setValue("0");
        }
    }

    private void newSample() {
        base = steering.shuffle(random);
        for (Input slider : sliders) {
            slider.setValue("0");
        }
        keepA.setEnabled(true);
        emit();
    }

    private void keepCurrentAsA() {
        keptA = current();
        blend.setEnabled(true);
        blend.setValue("0");
        base = steering.shuffle(random);
        emit();
    }

    private float @Nullable [] current() {
        if (base == null) {
            return null;
        }
        double[] amounts = new double[sliders.length];
        for (int i = 0; i < sliders.length; i++) {
            amounts[i] = number(sliders[i]);
        }
        float[] steered = steering.steer(base, amounts);
        return keptA == null ? steered : steering.interpolate(steered, keptA, Math.max(0, Math.min(1, number(blend))));
    }

    private void emit() {
        float[] latent = current();
        if (latent != null) {
            onLatent.accept(latent);
        }
    }

    private Input range(String id, double min, double max, double step, double value) {
        return range(new Input(ValueChangeMode.ON_CHANGE), id, min, max, step, value);
    }

    private Input range(Input input, String id, double min, double max, double step, double value) {
        input.setType("range");
        input.setId(id);
        input.getElement().setAttribute("min", format(min));
        input.getElement().setAttribute("max", format(max));
        input.getElement().setAttribute("step", format(step));
        input.setValue(format(value));
        input.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                emit();
            }
        });
        return input;
    }

    private static Div labelled(Input input, String label) {
        NativeLabel caption = new NativeLabel(label);
        caption.setFor(input);
        Div row = new Div(caption, input);
        row.addClassName("forge-slider");
        return row;
    }

    /** A slider's value; anything the browser sends that is not a number counts as 0. */
    private static double number(Input slider) {
        try {
            double value = Double.parseDouble(slider.getValue());
            return Double.isFinite(value) ? value : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
