package org.adversarialarena.competition.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import org.adversarialarena.competition.BudgetNorm;
import org.adversarialarena.competition.CompetitionRefusedException;
import org.adversarialarena.competition.CompetitionSettings;
import org.adversarialarena.competition.DefenseBoard;
import org.adversarialarena.competition.Defense;
import org.adversarialarena.competition.DefenseBoardRow;
import org.adversarialarena.competition.DefenseMethod;
import org.adversarialarena.competition.DefenseQuota;
import org.adversarialarena.competition.DefenseRecipe;
import org.adversarialarena.competition.DefenseService;
import org.adversarialarena.competition.Entrant;
import org.adversarialarena.competition.Viewing;
import org.adversarialarena.ml.model.ClassifierArchitecture;
import org.jspecify.annotations.Nullable;

/**
 * The defense track on a competition's page: for an entrant, the recipe form and their defenses with
 * live status, progress and a cancel button; for everyone, the defense boards (public: live, frozen,
 * blind; private: at the end) with each defense's weight hash and a gradient-masking warning, and the
 * final defenses (the attack phase's targets) with their full hashes and, once released, their
 * weights. Shown only in competitions with an L∞ budget.
 */
class DefenseSection extends VerticalLayout {

    private static final int HASH_SHOWN = 12;

    private final DefenseService defenses;
    private final Runnable reload;
    final VerticalLayout entrantPart = new VerticalLayout();
    final Select<DefenseMethod> method = new Select<>();
    final Select<ClassifierArchitecture> architecture = new Select<>();
    final NumberField epsilon = new NumberField();
    final IntegerField steps = new IntegerField();
    final IntegerField epochs = new IntegerField();
    final IntegerField seed = new IntegerField();
    final Button submit = new Button();
    final Grid<Defense> mine = new Grid<>();
    final Paragraph boardNote = new Paragraph();
    final Grid<DefenseBoardRow> board = new Grid<>();
    final H3 privateTitle = new H3();
    final Grid<DefenseBoardRow> privateBoard = new Grid<>();
    final H3 finalsTitle = new H3();
    final Paragraph finalsNote = new Paragraph();
    final Grid<DefenseBoardRow> finals = new Grid<>();
    private @Nullable Entrant entrant;
    private @Nullable Viewing viewing;

    DefenseSection(DefenseService defenses, Runnable reload) {
        this.defenses = defenses;
        this.reload = reload;
        setId("defense-section");
        setPadding(false);
        DefenseQuota quota = defenses.quota();
        method.setLabel(getTranslation("competition.defense.method"));
        method.setItems(DefenseMethod.values());
        method.setItemLabelGenerator(m -> getTranslation("competition.defense.method." + m.name()));
        method.setValue(DefenseMethod.PGD);
        method.setId("defense-method");
        architecture.setLabel(getTranslation("competition.defense.architecture"));
        architecture.setItems(ClassifierArchitecture.values());
        architecture.setItemLabelGenerator(a -> a.name().equals("LENET") ? "LeNet" : "MLP");
        architecture.setValue(ClassifierArchitecture.LENET);
        architecture.setId("defense-architecture");
        epsilon.setLabel(getTranslation("competition.defense.epsilon"));
        epsilon.setStep(0.01);
        epsilon.setId("defense-epsilon");
        steps.setLabel(getTranslation("competition.defense.steps", quota.maxAttackSteps()));
        steps.setValue(7);
        steps.setId("defense-steps");
        epochs.setLabel(getTranslation("competition.defense.epochs", quota.maxEpochs()));
        epochs.setValue(quota.maxEpochs());
        epochs.setId("defense-epochs");
        seed.setLabel(getTranslation("competition.defense.seed"));
        seed.setValue(1);
        seed.setId("defense-seed");
        method.addValueChangeListener(change -> adaptToMethod());
        submit.setText(getTranslation("competition.defense.submit"));
        submit.setId("defense-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(click -> submit());
        mine.setId("defense-mine");
        mine.addColumn(d -> Notices.time(d.submittedAt())).setHeader(getTranslation("competition.mine.time"));
        mine.addColumn(d -> recipe(d.recipe())).setHeader(getTranslation("competition.defense.recipe"));
        mine.addColumn(this::status).setHeader(getTranslation("competition.mine.status"));
        mine.addColumn(d -> d.cleanAccuracy() == null ? "" : Notices.percent(d.cleanAccuracy()))
                .setHeader(getTranslation("competition.defense.clean"));
        mine.addColumn(d -> d.robustAccuracy() == null ? "" : Notices.percent(d.robustAccuracy()))
                .setHeader(getTranslation("competition.defense.robust"));
        mine.addColumn(d -> d.weightsSha256() == null ? "" : d.weightsSha256().substring(0, HASH_SHOWN))
                .setHeader(getTranslation("competition.defense.hash"));
        mine.addColumn(d -> d.failure() == null ? "" : d.failure()).setHeader(getTranslation("competition.mine.failure"));
        mine.addComponentColumn(this::cancelButton);
        mine.setAllRowsVisible(true);
        boardGrid(board, "defense-board");
        boardNote.setId("defense-board-note");
        privateTitle.setText(getTranslation("competition.defense.private-board"));
        boardGrid(privateBoard, "defense-private-board");
        finalsTitle.setText(getTranslation("competition.defense.finals"));
        finalsNote.setId("defense-finals-note");
        finals.setId("defense-finals");
        finals.addColumn(row -> row.name() == null ? getTranslation("competition.board.anonymous") : row.name())
                .setHeader(getTranslation("competition.board.name"));
        finals.addColumn(row -> recipe(row.recipe())).setHeader(getTranslation("competition.defense.recipe"));
        finals.addColumn(DefenseBoardRow::weightsSha256).setHeader(getTranslation("competition.defense.hash")).setFlexGrow(3);
        finals.addComponentColumn(this::weightsLink);
        finals.setAllRowsVisible(true);
        FlexLayout form = new FlexLayout(method, architecture, epsilon, steps, epochs, seed);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.getStyle().set("gap", "var(--lumo-space-m)");
        entrantPart.setPadding(false);
        entrantPart.add(new Paragraph(getTranslation("competition.defense.text", quota.maxEpochs(), quota.trainingImages(),
                quota.maxAttackSteps(), quota.defensesPerEntrant())), form, submit, mine);
        add(new H3(getTranslation("competition.defense.title")), entrantPart,
                new H3(getTranslation("competition.defense.board")),
                new Paragraph(getTranslation("competition.defense.board-text")), boardNote, board, privateTitle,
                privateBoard, finalsTitle, finalsNote, finals);
    }

    private void boardGrid(Grid<DefenseBoardRow> grid, String id) {
        grid.setId(id);
        grid.addColumn(DefenseBoardRow::rank).setHeader("#").setFlexGrow(0);
        grid.addColumn(row -> row.name() == null ? getTranslation("competition.board.anonymous") : row.name())
                .setHeader(getTranslation("competition.board.name"));
        grid.addColumn(row -> Notices.percent(row.robustAccuracy())).setHeader(getTranslation("competition.defense.robust"));
        grid.addColumn(row -> Notices.percent(row.cleanAccuracy())).setHeader(getTranslation("competition.defense.clean"));
        grid.addColumn(row -> Notices.percent(row.pgdAccuracy())).setHeader("PGD");
        grid.addColumn(row -> Notices.percent(row.apgdAccuracy())).setHeader("APGD");
        grid.addColumn(row -> row.likelyMasking() ? getTranslation("competition.defense.masking") : "")
                .setHeader(getTranslation("competition.defense.warning"));
        grid.addColumn(row -> recipe(row.recipe())).setHeader(getTranslation("competition.defense.recipe"));
        grid.addColumn(row -> row.weightsSha256().substring(0, Math.min(HASH_SHOWN, row.weightsSha256().length())))
                .setHeader(getTranslation("competition.defense.hash"));
        grid.setAllRowsVisible(true);
    }

    /** A download of a final defense's weights, for the host and entrants once a white-box phase released them. */
    private Anchor weightsLink(DefenseBoardRow row) {
        Anchor link = new Anchor();
        link.setText(getTranslation("competition.defense.download"));
        link.setId("defense-weights-" + row.defenseId());
        Viewing now = viewing;
        boolean allowed = now != null && (now.host() || now.entrant() != null)
                && now.competition().settings().weightsReleased(now.now());
        link.setVisible(allowed);
        if (allowed) {
            link.setHref(DownloadHandler.fromInputStream(event -> {
                byte[] weights = defenses.releasedWeights(now, row.defenseId());
                return new DownloadResponse(new ByteArrayInputStream(weights), "defense-" + row.defenseId() + ".zip",
                        "application/zip", weights.length);
            }));
        }
        return link;
    }

    void show(Viewing now) {
        boolean linf = now.competition().settings().budget().norm() == BudgetNorm.LINF;
        setVisible(linf);
        if (!linf) {
            return;
        }
        if (epsilon.isEmpty()) {
            epsilon.setValue(now.competition().settings().budget().limit());
        }
        entrant = now.entrant();
        entrantPart.setVisible(entrant != null);
        submit.setEnabled(now.open() && now.now().isBefore(now.competition().settings().defensesFixedAt()));
        if (entrant != null) {
            mine.setItems(defenses.defensesOf(entrant.id()));
        }
        viewing = now;
        DefenseBoard shown = defenses.publicBoard(now);
        boardNote.setText(shown.blind() ? getTranslation("competition.board.blind")
                : shown.frozen() ? getTranslation("competition.board.frozen",
                        Notices.time(now.competition().settings().freezesAt())) : "");
        board.setItems(shown.rows());
        privateTitle.setVisible(now.over());
        privateBoard.setVisible(now.over());
        privateBoard.setItems(defenses.privateBoard(now).rows());
        CompetitionSettings settings = now.competition().settings();
        boolean fixed = !now.now().isBefore(settings.defensesFixedAt());
        finalsTitle.setVisible(settings.defensesAttacked() || fixed);
        finalsNote.setVisible(settings.defensesAttacked() || fixed);
        finals.setVisible(fixed);
        finalsNote.setText(!fixed ? getTranslation("competition.defense.finals-later", Notices.time(settings.defensesFixedAt()))
                : settings.weightsReleased(now.now()) ? getTranslation("competition.defense.finals-released")
                : getTranslation("competition.defense.finals-committed"));
        finals.setItems(defenses.finalDefenses(now));
    }

    void submit() {
        Entrant who = entrant;
        if (who == null) {
            return;
        }
        try {
            if (epsilon.isEmpty() || steps.isEmpty() || epochs.isEmpty() || seed.isEmpty() || method.isEmpty()
                    || architecture.isEmpty()) {
                throw CompetitionRefusedException.invalid("competition.defense.refused.missing", "Fill in every field");
            }
            boolean adversarial = method.getValue().adversarial();
            defenses.submit(who.id(), new DefenseRecipe(method.getValue(), architecture.getValue(),
                    adversarial ? epsilon.getValue().floatValue() : 0f, adversarial ? steps.getValue() : 0,
                    epochs.getValue(), seed.getValue()));
        } catch (CompetitionRefusedException e) {
            Notices.refused(this, e);
        }
        reload.run();
    }

    private void adaptToMethod() {
        boolean adversarial = method.getValue() != null && method.getValue().adversarial();
        epsilon.setEnabled(adversarial);
        steps.setEnabled(adversarial && method.getValue().iterative());
    }

    private String status(Defense d) {
        String status = getTranslation("competition.defense.status." + d.status().name());
        return d.status().name().equals("TRAINING")
                ? getTranslation("competition.defense.progress", status, 100 * d.step() / d.totalSteps()) : status;
    }

    private String recipe(DefenseRecipe recipe) {
        String arch = recipe.architecture() == ClassifierArchitecture.LENET ? "LeNet" : "MLP";
        if (!recipe.method().adversarial()) {
            return getTranslation("competition.defense.recipe.plain", arch, recipe.epochs(), recipe.seed());
        }
        return getTranslation("competition.defense.recipe.adversarial", getTranslation("competition.defense.method."
                + recipe.method().name()), arch, String.format(Locale.ROOT, "%.3f", recipe.epsilon()), recipe.attackSteps(),
                recipe.epochs(), recipe.seed());
    }

    private Button cancelButton(Defense defense) {
        Button cancel = new Button(getTranslation("competition.defense.cancel"), click -> {
            Entrant who = entrant;
            if (who != null) {
                try {
                    defenses.cancel(who.id(), defense.id());
                } catch (CompetitionRefusedException e) {
                    Notices.refused(this, e);
                }
                reload.run();
            }
        });
        cancel.setId("defense-cancel-" + defense.id());
        cancel.setVisible(defense.status().active() && !defense.cancelRequested());
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return cancel;
    }
}
