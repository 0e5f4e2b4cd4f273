package org.adversarialarena.forge.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.adversarialarena.base.ui.PixelCanvas;
import org.adversarialarena.forge.LiveVerdict;
import org.adversarialarena.forge.Submission;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.image.ImagePixels;

/**
 * Forge's canvas as another page embeds it (a workshop's student page): the canvas, the live verdicts
 * of whichever detective the page names, a Submit button and the last submission's outcome, with the
 * rules of Forge's own page ({@link ForgeSession}: a new stroke clears an old result). The page decides
 * who judges a stroke and what a submission is, and wires the button.
 */
public class ForgePad extends Div {

    /** Judges a canvas: the detective's and the classifier's verdicts, with the saliency if asked for. */
    @FunctionalInterface
    public interface Judge {
        LiveVerdict judge(float[] pixels, boolean withSaliency);
    }

    public final PixelCanvas canvas = new PixelCanvas();
    public final Button submit = new Button();
    final VerdictPanel verdicts = new VerdictPanel(this::saliencyShown);
    final OutcomeMessage message = new OutcomeMessage();
    private final BooleanSupplier judgementAllowed;
    private ForgeSession session = new ForgeSession(DatasetId.MNIST, 0);
    private List<String> classNames = List.of();
    private Judge judge = (pixels, withSaliency) -> {
        throw new IllegalStateException("The pad has no prompt yet");
    };

    /** {@code judgementAllowed} answers whether the next stroke may be judged (the live judging cap). */
    public ForgePad(BooleanSupplier judgementAllowed) {
        this.judgementAllowed = judgementAllowed;
        addClassName("forge-play");
        canvas.addImageChangeListener(change -> {
            if (this.judgementAllowed.getAsBoolean()) {
                show(judge.judge(change.pixels(), session.saliencyShown()), false);
            } else {
                session.imageChangedUnjudged();
                render();
                verdicts.tooFast();
            }
            verdicts.answers(change.sequence());
        });
        submit.setText(getTranslation("forge.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verdicts.add(submit, message);
        Div drawing = new Div(canvas);
        drawing.addClassName("forge-drawing");
        add(drawing, verdicts);
    }

    /** A new prompt: a blank canvas judged by {@code judge}. */
    public void start(DatasetId dataset, int prompt, List<String> names, Judge newJudge) {
        session = new ForgeSession(dataset, prompt);
        classNames = List.copyOf(names);
        judge = newJudge;
        verdicts.setClasses(classNames, prompt);
        canvas.setImage(ImagePixels.blank());
        show(judge.judge(ImagePixels.blank(), session.saliencyShown()), false);
    }

    /** While closed (a paused round), the canvas takes no strokes and nothing is submitted. */
    public void setOpen(boolean open) {
        canvas.setReadOnly(!open);
        submit.setEnabled(open);
    }

    /**
     * Submits the canvas through {@code submitter} and shows the outcome: the forgery when it was scored,
     * empty when Forge refused it for a reason shown on the pad (blank, a copy, too fast). Other failures
     * propagate to the page, with no earlier result left on screen.
     */
    public Optional<Submission> submit(Function<float[], Submission> submitter) {
        float[] pixels = canvas.getImage();
        SubmissionOutcome outcome;
        try {
            outcome = session.submit(() -> submitter.apply(pixels));
        } finally {
            render();
        }
        return outcome instanceof SubmissionOutcome.Scored scored ? Optional.of(scored.submission()) : Optional.empty();
    }

    /** The detective's verdict on the canvas as the page shows it now. */
    public String verdictText() {
        return verdicts.real.getText();
    }

    /** The outcome of the last submission as the page shows it (empty before one, or after a new stroke). */
    public String outcomeText() {
        return message.getText();
    }

    private void saliencyShown(boolean shown) {
        session.showSaliency(shown);
        if (shown && session.verdict().isPresent()) {
            show(judge.judge(canvas.getImage(), true), true);
        }
    }

    private void show(LiveVerdict verdict, boolean sameImage) {
        if (sameImage) {
            session.rejudged(verdict);
        } else {
            session.imageJudged(verdict);
        }
        render();
    }

    private void render() {
        session.verdict().ifPresent(verdict -> verdicts.show(verdict, session.judgements()));
        message.show(session.outcome(), classNames.isEmpty() ? "" : classNames.get(session.prompt()));
    }
}
