package org.adversarialarena.competition.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.adversarialarena.base.ui.CanvasOutOfSyncException;
import org.adversarialarena.base.ui.PixelCanvas;
import org.adversarialarena.base.ui.PixelImage;
import org.adversarialarena.competition.CompetitionRefusedException;
import org.adversarialarena.competition.CompetitionService;
import org.adversarialarena.competition.DraftImage;
import org.adversarialarena.competition.DraftProgress;
import org.adversarialarena.competition.DraftService;
import org.adversarialarena.competition.Entrant;
import org.adversarialarena.player.ui.PlayerGate;
import org.jspecify.annotations.Nullable;

/**
 * Building an adversarial set image by image: the challenge set's images open one at a time in the
 * shared drawing canvas, limited to the contest's budget; each is saved to the entrant's draft (kept in
 * PostgreSQL); the tiles show which of the K images are done; the draft is submitted as a whole, with
 * the checks and caps of an upload. Reached from the competition page by its entrants.
 */
@Route(CompetitionPaths.DRAFT)
@AnonymousAllowed
class CompetitionDraftView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final CompetitionService competitions;
    private final DraftService drafts;
    private final PlayerGate players;
    final H2 title = new H2();
    final Paragraph progressText = new Paragraph();
    final ProgressBar progress = new ProgressBar(0, 1);
    final FlexLayout tiles = new FlexLayout();
    final Paragraph imageText = new Paragraph();
    final PixelCanvas canvas = new PixelCanvas();
    final PixelImage original = new PixelImage();
    final Button previous = new Button();
    final Button next = new Button();
    final Button reset = new Button();
    final Button save = new Button();
    final Button submit = new Button();
    final Anchor back = new Anchor();
    final VerticalLayout editor = new VerticalLayout();
    private long competitionId = -1;
    private @Nullable Entrant entrant;
    private @Nullable DraftImage shown;

    CompetitionDraftView(CompetitionService competitions, DraftService drafts, PlayerGate players) {
        this.competitions = competitions;
        this.drafts = drafts;
        this.players = players;
        setId("competition-draft-view");
        progressText.setId("competition-draft-progress");
        tiles.setId("competition-draft-tiles");
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.getStyle().set("gap", "var(--lumo-space-xs)");
        imageText.setId("competition-draft-image");
        canvas.setId("competition-draft-canvas");
        original.setDisplaySize("112px");
        button(previous, "competition.draft.previous", "competition-draft-previous", () -> open(position() - 1));
        button(next, "competition.draft.next", "competition-draft-next", () -> open(position() + 1));
        button(reset, "competition.draft.reset", "competition-draft-reset", this::reset);
        button(save, "competition.draft.save", "competition-draft-save", this::save);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button(submit, "competition.draft.submit", "competition-draft-submit", this::submit);
        submit.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        back.setText(getTranslation("competition.draft.back"));
        back.setId("competition-draft-back");
        Div originalBox = new Div(new Paragraph(getTranslation("competition.draft.original")), original);
        HorizontalLayout drawing = new HorizontalLayout(new Div(canvas), originalBox);
        drawing.setAlignItems(FlexComponent.Alignment.START);
        editor.setPadding(false);
        editor.add(progressText, progress, tiles, imageText, drawing, new HorizontalLayout(previous, next, reset, save),
                submit);
        add(title, new Paragraph(getTranslation("competition.draft.text")), editor, back);
    }

    private void button(Button button, String key, String id, Runnable action) {
        button.setText(getTranslation(key));
        button.setId(id);
        button.addClickListener(click -> action.run());
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        competitionId = id;
        back.setHref(CompetitionPaths.ONE + "/" + id);
        editor.setVisible(false);
        title.setText(getTranslation("competition.draft.not-entered"));
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        players.recognised(player -> {
            Long playerId = player.getId();
            entrant = playerId == null ? null : competitions.entrantOf(competitionId, playerId).orElse(null);
            if (entrant != null) {
                title.setText(getTranslation("competition.draft.title",
                        competitions.view(competitionId, playerId, null).competition().settings().title()));
                editor.setVisible(true);
                open(0);
            }
        });
    }

    /** Shows image {@code position} of the draft in the canvas, within the budget. */
    void open(int position) {
        Entrant who = entrant;
        if (who == null) {
            return;
        }
        act(() -> show(drafts.image(who.id(), position)));
    }

    int position() {
        return shown == null ? 0 : shown.position();
    }

    void save() {
        Entrant who = entrant;
        DraftImage current = shown;
        if (who == null || current == null) {
            return;
        }
        act(() -> {
            float[] drawn;
            try {
                drawn = canvas.getImage();
            } catch (CanvasOutOfSyncException e) {
                return;
            }
            show(drafts.save(who.id(), current.position(), drawn));
            Notification.show(getTranslation("competition.draft.saved", current.position() + 1), 3000,
                    Notification.Position.BOTTOM_START);
        });
    }

    void reset() {
        Entrant who = entrant;
        DraftImage current = shown;
        if (who != null && current != null) {
            act(() -> show(drafts.discard(who.id(), current.position())));
        }
    }

    void submit() {
        Entrant who = entrant;
        if (who != null) {
            act(() -> {
                drafts.submit(who.id());
                Notification.show(getTranslation("competition.draft.submitted"), 5000, Notification.Position.MIDDLE);
            });
        }
    }

    private void show(DraftImage image) {
        shown = image;
        canvas.setImage(image.pixels());
        canvas.setLimits(image.original(), image.lower(), image.upper(), image.maxChangedPixels());
        original.setPixels(image.original());
        original.setLabel(getTranslation("competition.draft.original"));
        imageText.setText(getTranslation("competition.draft.image", image.position() + 1, image.size(), image.label(),
                getTranslation(image.saved() ? "competition.draft.is-saved" : "competition.draft.not-saved")));
        previous.setEnabled(image.position() > 0);
        next.setEnabled(image.position() < image.size() - 1);
        showProgress();
    }

    private void showProgress() {
        Entrant who = entrant;
        if (who == null) {
            return;
        }
        DraftProgress now = drafts.progress(who.id());
        progressText.setText(getTranslation("competition.draft.progress", now.done(), now.size()));
        progress.setValue(now.size() == 0 ? 0 : now.done() / (double) now.size());
        tiles.removeAll();
        for (int i = 0; i < now.size(); i++) {
            int position = i;
            // saved is said in the text too, not by colour alone
            String number = Integer.toString(i + 1);
            Button tile = new Button(now.isSaved(i) ? number + " ✓" : number, click -> open(position));
            tile.setId("competition-draft-tile-" + i);
            tile.addThemeVariants(ButtonVariant.LUMO_SMALL);
            if (now.isSaved(i)) {
                tile.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
            }
            if (shown != null && shown.position() == i) {
                tile.getElement().setAttribute("aria-current", "true");
                tile.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            }
            tiles.add(tile);
        }
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (CompetitionRefusedException e) {
            Notices.refused(this, e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("competition.draft.heading") + " · " + getTranslation("app.name");
    }
}
