package org.adversarialarena.forge.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.List;
import java.util.function.Consumer;
import org.adversarialarena.base.ui.ClassBars;
import org.adversarialarena.base.ui.LiveAnnouncer;
import org.adversarialarena.base.ui.PixelImage;
import org.adversarialarena.forge.LiveVerdict;

/**
 * The live verdicts on the canvas: the detective's real-probability, the classifier's probabilities
 * and, while its section is open, where the detective looks. After each stroke a screen reader hears
 * the detective's and the classifier's verdicts through {@link #announcer}.
 */
class VerdictPanel extends Div {

    final Span real = new Span();
    final ProgressBar realBar = new ProgressBar(0, 1);
    final Span classVerdict = new Span();
    final Paragraph tooFast = new Paragraph();
    final ClassBars classBars = new ClassBars();
    final PixelImage saliency = new PixelImage();
    final Details saliencySection;
    final LiveAnnouncer announcer = new LiveAnnouncer("forge-announcer");
    private List<String> classNames = List.of();
    private int prompt;

    /** {@code saliencyShown} hears when the player opens or closes the saliency. */
    VerdictPanel(Consumer<Boolean> saliencyShown) {
        addClassName("forge-verdicts");
        real.setId("forge-real");
        realBar.setId("forge-real-bar");
        // A screen reader names the bar by the verdict written above it (WCAG 4.1.2).
        realBar.getElement().setAttribute("aria-labelledby", "forge-real");
        realBar.getElement().setAttribute("aria-label", getTranslation("forge.verdict.real.name"));
        classVerdict.setId("forge-class");
        classBars.setId("forge-class-bars");
        // The marked class is the one being forged, not an image's truth.
        classBars.setMarkerWords(getTranslation("forge.bars.prompt"), getTranslation("fool.bars.target"));
        saliency.setId("forge-saliency");
        saliency.setPalette(PixelImage.Palette.HEAT);
        saliency.setDisplaySize("168px");
        saliency.setLabel(getTranslation("forge.saliency"));
        saliencySection = new Details(getTranslation("forge.saliency"), saliency);
        saliencySection.setId("forge-saliency-section");
        saliencySection.setOpened(true);
        saliencySection.addOpenedChangeListener(change -> saliencyShown.accept(change.isOpened()));
        tooFast.setId("forge-too-fast");
        tooFast.setText(getTranslation("live.too-fast"));
        tooFast.setVisible(false);
        add(new H4(getTranslation("forge.verdicts")), tooFast, real, realBar, classVerdict, classBars, saliencySection,
                announcer);
    }

    /** The classes the classifier's bars name, and the prompted one among them. */
    void setClasses(List<String> names, int promptIndex) {
        classNames = List.copyOf(names);
        prompt = promptIndex;
        classBars.setLabels(classNames);
        classBars.setTrueClass(promptIndex);
    }

    /** Shows {@code verdict}, the page's {@code judgements}-th: a counter the browser can watch when the texts stay the same. */
    void show(LiveVerdict verdict, long judgements) {
        tooFast.setVisible(false);
        real.setText(getTranslation("forge.verdict.real", DetectiveStatusPanel.percent(verdict.realProbability()),
                verdict.detectiveVersion()));
        // Rounded: the bar writes its value into aria-valuenow, where a value such as 1.2E-5 is not a valid number.
        realBar.setValue(Math.round(verdict.realProbability() * 1000) / 1000.0);
        classVerdict.setText(getTranslation("forge.verdict.class",
                DetectiveStatusPanel.percent(verdict.classProbability(prompt)), classNames.get(prompt)));
        classBars.setValues(verdict.classProbabilities());
        verdict.saliencyMap().ifPresent(saliency::setPixels);
        real.getElement().setAttribute("data-judgements", String.valueOf(judgements));
        announcer.announce(real.getText() + " " + classVerdict.getText());
    }

    /** The canvas changed faster than the live judging cap: the verdict shown is an earlier one, and the player is told. */
    void tooFast() {
        tooFast.setVisible(true);
    }

    /** Names the canvas report the verdict answers, so the browser can time its round trip. */
    void answers(long reportSequence) {
        real.getElement().setAttribute("data-seq", String.valueOf(reportSequence));
    }
}
