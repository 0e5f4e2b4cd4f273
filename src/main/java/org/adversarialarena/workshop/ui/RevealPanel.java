package org.adversarialarena.workshop.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.adversarialarena.base.ui.LineChart;
import org.adversarialarena.base.ui.PixelImage;
import org.adversarialarena.fool.Challenge;
import org.adversarialarena.fool.GalleryItem;
import org.adversarialarena.forge.Forgery;
import org.adversarialarena.fool.MachineAttempt;
import org.adversarialarena.fool.MachineComparison;
import org.adversarialarena.workshop.ForgeReveal;
import org.adversarialarena.workshop.Reveal;
import org.jspecify.annotations.Nullable;

/**
 * The reveal of a Fool round: the class's success rate, the best three images with nicknames, and
 * where the class changed pixels (the mean signed change of every submission) next to the machine's
 * attacks on the same image at the same budget, whose FGSM row is the model's signed gradient. The
 * machine's attacks run on Fool's background worker and arrive one by one (only on a same-image
 * round, and only where a page asks for them: the projector).
 */
class RevealPanel extends Div {

    final Paragraph rate = new Paragraph();
    final Div best = new Div();
    final Div maps = new Div();
    /** The Lab's colour for D's loss: the class detective is a D too. */
    private static final String LOSS_COLOR = "#d55e00";
    private final H3 title = new H3();
    private @Nullable Future<?> machineRun;
    private int machineMaps;

    RevealPanel() {
        setId("workshop-reveal");
        addClassName("workshop-reveal");
        rate.setId("workshop-reveal-rate");
        rate.addClassName("workshop-big");
        best.setId("workshop-reveal-best");
        best.addClassName("workshop-best");
        maps.setId("workshop-reveal-maps");
        maps.addClassName("workshop-maps");
        add(title, rate, best, maps);
    }

    /**
     * Shows the reveal; with a comparison and the round's shared image the machine attacks it too,
     * delivering each result through {@code deliver} (the page's UI access).
     */
    void show(Reveal reveal, @Nullable MachineComparison machine, Optional<Challenge> shared,
            Consumer<Runnable> deliver) {
        stopMachine();
        machineMaps = 0;
        title.setText(getTranslation("workshop.reveal.title", reveal.roundIndex() + 1));
        ForgeReveal forge = reveal.forge();
        if (forge != null) {
            showForge(reveal, forge);
            return;
        }
        rate.setText(getTranslation("workshop.reveal.rate", reveal.fooled(), reveal.students(),
                Texts.percent(reveal.successRate()), reveal.submitted()));
        best.removeAll();
        List<GalleryItem> items = reveal.best();
        for (int i = 0; i < items.size(); i++) {
            GalleryItem item = items.get(i);
            PixelImage image = new PixelImage(item.adversarial(), PixelImage.Palette.GRAY,
                    getTranslation("workshop.reveal.best-label", item.nickname()));
            image.setDisplaySize("112px");
            Div card = new Div(image, new Span(item.nickname()), new Span(getTranslation("workshop.reveal.says",
                    Texts.className(this, reveal.round().dataset(), item.predictedClass()), Texts.points(item.points()))));
            card.addClassName("workshop-best-card");
            card.setId("workshop-best-" + i);
            best.add(card);
        }
        if (items.isEmpty()) {
            best.add(new Paragraph(getTranslation("workshop.reveal.nobody")));
        }
        maps.removeAll();
        float[] change = reveal.classChange();
        float[] original = reveal.original();
        if (original != null) {
            maps.add(map(original, PixelImage.Palette.GRAY, getTranslation("workshop.reveal.original"), "workshop-map-original"));
        }
        if (change != null) {
            maps.add(map(change, PixelImage.Palette.SIGNED, getTranslation("workshop.reveal.class-map"), "workshop-map-class"));
        }
        if (machine != null && shared.isPresent()) {
            machineRun = machine.start(shared.get(), attempt -> deliver.accept(() -> addMachine(attempt)), () -> { });
        }
    }

    /** A Forge round: the best forgeries, and the class detective's catch rate at submission and now. */
    private void showForge(Reveal reveal, ForgeReveal forge) {
        rate.setText(getTranslation("workshop.reveal.forge-rate", reveal.fooled(), reveal.students(),
                Texts.percent(reveal.successRate()), reveal.submitted()));
        best.removeAll();
        List<Forgery> items = forge.best();
        for (int i = 0; i < items.size(); i++) {
            Forgery item = items.get(i);
            PixelImage image = new PixelImage(item.pixels(), PixelImage.Palette.GRAY,
                    getTranslation("workshop.reveal.best-label", item.nickname()));
            image.setDisplaySize("112px");
            Div card = new Div(image, new Span(item.nickname()), new Span(getTranslation("workshop.reveal.forge-best",
                    Texts.percent(item.realProbability()), Texts.points(item.score()))));
            card.addClassName("workshop-best-card");
            card.setId("workshop-best-" + i);
            best.add(card);
        }
        if (items.isEmpty()) {
            best.add(new Paragraph(getTranslation("workshop.reveal.forge-nobody")));
        }
        maps.removeAll();
        Paragraph catchRate = new Paragraph(getTranslation("workshop.reveal.catch-rate", forge.caughtAtSubmission(),
                forge.forgeries(), Texts.percent(forge.catchRateAtSubmission()), forge.detectiveVersion(),
                forge.caughtNow(), Texts.percent(forge.catchRateNow())));
        catchRate.setId("workshop-reveal-catch");
        maps.add(catchRate, lossCurve(forge.lossCurve()));
    }

    /** The class detective's loss per training step of the round, or a word that it is still learning. */
    private Component lossCurve(@Nullable List<Double> losses) {
        if (losses == null || losses.isEmpty()) {
            Paragraph note = new Paragraph(getTranslation(losses == null ? "workshop.reveal.loss-learning"
                    : "workshop.reveal.loss-none"));
            note.setId(losses == null ? "workshop-reveal-loss-learning" : "workshop-reveal-loss-note");
            return note;
        }
        LineChart chart = new LineChart(getTranslation("workshop.reveal.loss-title"),
                getTranslation("workshop.reveal.loss-step"), getTranslation("workshop.reveal.loss-axis"));
        chart.setId("workshop-reveal-loss");
        chart.addClassName("workshop-loss-chart");
        int[] steps = new int[losses.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i + 1;
        }
        chart.show(List.of(new LineChart.Line(getTranslation("workshop.reveal.loss-line"), LOSS_COLOR, false)), steps,
                List.<@Nullable Double[]>of(losses.toArray(Double[]::new)));
        return chart;
    }

    private void addMachine(MachineAttempt attempt) {
        // FGSM's change is ε times the sign of the loss gradient: the model's signed gradient, drawn as a change
        String label = attempt.attack().startsWith("FGSM") ? getTranslation("workshop.reveal.gradient", attempt.attack())
                : attempt.attack();
        Div map = map(attempt.difference(), PixelImage.Palette.SIGNED, label, "workshop-map-machine-" + machineMaps++);
        map.add(new Span(getTranslation(attempt.success() ? "workshop.reveal.machine-fooled" : "workshop.reveal.machine-failed")));
        maps.add(map);
    }

    private Div map(float[] values, PixelImage.Palette palette, String label, String id) {
        PixelImage image = new PixelImage(values, palette, label);
        image.setDisplaySize("140px");
        Div map = new Div(image, new Span(label));
        map.addClassName("workshop-map");
        map.setId(id);
        return map;
    }

    void stopMachine() {
        Future<?> running = machineRun;
        if (running != null) {
            running.cancel(true);
            machineRun = null;
        }
    }
}
