package org.adversarialarena.workshop.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.adversarialarena.fool.FoolLevel;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.round.Game;
import org.adversarialarena.workshop.LeaderboardShown;
import org.adversarialarena.workshop.Plan;
import org.adversarialarena.workshop.RoundSettings;
import org.adversarialarena.workshop.Teams;
import org.adversarialarena.workshop.WorkshopRefusedException;
import org.adversarialarena.workshop.WorkshopService;
import org.jspecify.annotations.Nullable;

/** A workshop plan: its name, options and rounds in order. Without an id in the URL, a new plan. */
@Route(WorkshopPaths.PLAN)
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
class PlanEditorView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final WorkshopService workshops;
    private @Nullable Long planId;
    final TextField name = new TextField();
    final Checkbox lateJoin = new Checkbox();
    final Select<LeaderboardShown> leaderboard = new Select<>();
    final Checkbox askStudentId = new Checkbox();
    final IntegerField teamSize = new IntegerField();
    final Checkbox teamsChosen = new Checkbox();
    final Div rounds = new Div();
    final List<RoundEditor> editors = new ArrayList<>();
    final Button addRound = new Button();
    final Button save = new Button();

    /** One round's settings as a row of fields. */
    final class RoundEditor extends HorizontalLayout {
        final Select<Game> game = new Select<>();
        final Select<FoolLevel> level = new Select<>();
        final Select<Integer> forgeClass = new Select<>();
        final Select<DatasetId> dataset = new Select<>();
        final Checkbox sameImage = new Checkbox();
        final IntegerField seconds = new IntegerField();
        final Checkbox points = new Checkbox();

        RoundEditor(RoundSettings settings) {
            addClassName("workshop-round-editor");
            // Classes, not ids: a plan has several rounds, and tests and styles find a field within its round.
            game.addClassName("workshop-round-game");
            level.addClassName("workshop-round-level");
            forgeClass.addClassName("workshop-round-class");
            dataset.addClassName("workshop-round-dataset");
            game.setLabel(getTranslation("workshop.plan.game"));
            game.setItems(Game.FOOL, Game.FORGE);
            game.setItemLabelGenerator(g -> getTranslation("workshop.plan.game." + g.id()));
            game.setValue(settings.game());
            game.addValueChangeListener(change -> showGameFields());
            forgeClass.setLabel(getTranslation("workshop.plan.forge-class"));
            level.setLabel(getTranslation("workshop.plan.level"));
            level.setItems(FoolLevel.values());
            level.setItemLabelGenerator(l -> l.number() + " · " + getTranslation(l.titleKey()));
            level.setValue(settings.level());
            dataset.setLabel(getTranslation("workshop.plan.dataset"));
            dataset.setItems(DatasetId.values());
            dataset.setItemLabelGenerator(d -> getTranslation("dataset." + d.slug()));
            dataset.setValue(settings.dataset());
            dataset.addValueChangeListener(change -> showClasses(0));
            showClasses(settings.isForge() ? settings.forgeClass() : 0);
            sameImage.setLabel(getTranslation("workshop.plan.same-image"));
            sameImage.setValue(settings.sameImage());
            seconds.setLabel(getTranslation("workshop.plan.seconds"));
            seconds.setMin(RoundSettings.MIN_SECONDS);
            seconds.setMax(RoundSettings.MAX_SECONDS);
            seconds.setStepButtonsVisible(true);
            seconds.setValue(settings.timeLimitSeconds());
            points.setLabel(getTranslation("workshop.plan.points"));
            points.setValue(settings.points());
            Button remove = new Button(getTranslation("workshop.plan.remove-round"), click -> remove(this));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            setAlignItems(Alignment.BASELINE);
            add(game, level, dataset, forgeClass, seconds, sameImage, points, remove);
            showGameFields();
        }

        /** A Fool round has a level and may share its image; a Forge round has a class to forge. */
        private void showGameFields() {
            boolean forge = game.getValue() == Game.FORGE;
            level.setVisible(!forge);
            sameImage.setVisible(!forge);
            forgeClass.setVisible(forge);
        }

        private void showClasses(int chosen) {
            DatasetId shown = dataset.getValue();
            forgeClass.setItems(IntStream.range(0, shown.classCount()).boxed().toList());
            forgeClass.setItemLabelGenerator(c -> Texts.className(this, shown, c));
            forgeClass.setValue(chosen);
        }

        RoundSettings settings() {
            Integer limit = seconds.getValue();
            int time = limit == null ? 0 : limit;
            if (game.getValue() == Game.FORGE) {
                Integer chosen = forgeClass.getValue();
                return RoundSettings.forge(dataset.getValue(), chosen == null ? -1 : chosen, time, points.getValue());
            }
            return new RoundSettings(level.getValue(), dataset.getValue(), sameImage.getValue(), time, points.getValue());
        }
    }

    PlanEditorView(WorkshopService workshops) {
        this.workshops = workshops;
        setId("workshop-plan-view");
        name.setId("workshop-plan-name");
        name.setLabel(getTranslation("workshop.plans.name"));
        name.setMaxLength(Plan.MAX_NAME_LENGTH);
        name.setWidth("30em");
        lateJoin.setId("workshop-plan-late-join");
        lateJoin.setLabel(getTranslation("workshop.plan.late-join"));
        leaderboard.setId("workshop-plan-leaderboard");
        leaderboard.setLabel(getTranslation("workshop.plan.leaderboard"));
        leaderboard.setItems(LeaderboardShown.values());
        leaderboard.setItemLabelGenerator(shown -> getTranslation("workshop.leaderboard."
                + shown.name().toLowerCase(Locale.ROOT)));
        askStudentId.setId("workshop-plan-student-id");
        askStudentId.setLabel(getTranslation("workshop.plan.student-id"));
        teamSize.setId("workshop-plan-team-size");
        teamSize.setLabel(getTranslation("workshop.plan.team-size"));
        teamSize.setHelperText(getTranslation("workshop.plan.team-size-help", Teams.MIN_SIZE, Teams.MAX_SIZE));
        teamSize.setMin(0);
        teamSize.setMax(Teams.MAX_SIZE);
        teamSize.setStepButtonsVisible(true);
        teamSize.addValueChangeListener(change -> teamsChosen.setEnabled(teamSizeValue() > 0));
        teamsChosen.setId("workshop-plan-teams-chosen");
        teamsChosen.setLabel(getTranslation("workshop.plan.teams-chosen"));
        rounds.setId("workshop-plan-rounds");
        addRound.setId("workshop-plan-add-round");
        addRound.setText(getTranslation("workshop.plan.add-round"));
        addRound.addClickListener(click -> addRound(editors.isEmpty() ? RoundSettings.standard()
                : editors.getLast().settings()));
        save.setId("workshop-plan-save");
        save.setText(getTranslation("workshop.plan.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        add(new H2(getTranslation("workshop.plan.title")), name, lateJoin, leaderboard, askStudentId, teamSize, teamsChosen,
                new H3(getTranslation("workshop.plans.rounds")), rounds, addRound, save);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter @Nullable Long id) {
        planId = id;
        try {
            show(id == null ? Plan.blank(getTranslation("workshop.plan.default-name")) : workshops.plan(id));
        } catch (WorkshopRefusedException e) {
            Texts.refused(this, e);
            event.forwardTo(WorkshopsView.class);
        }
    }

    private void show(Plan plan) {
        name.setValue(plan.name());
        lateJoin.setValue(plan.lateJoin());
        leaderboard.setValue(plan.leaderboard());
        askStudentId.setValue(plan.askStudentId());
        teamSize.setValue(plan.teams().size());
        teamsChosen.setValue(plan.teams().chosen());
        teamsChosen.setEnabled(plan.teams().enabled());
        editors.clear();
        rounds.removeAll();
        plan.rounds().forEach(this::addRound);
    }

    void addRound(RoundSettings settings) {
        RoundEditor editor = new RoundEditor(settings);
        editor.setId("workshop-round-" + editors.size());
        editors.add(editor);
        rounds.add(editor);
    }

    private void remove(RoundEditor editor) {
        editors.remove(editor);
        rounds.remove(editor);
    }

    void save() {
        try {
            List<RoundSettings> settings = editors.stream().map(RoundEditor::settings).toList();
            planId = workshops.save(new Plan(planId, name.getValue(), lateJoin.getValue(), leaderboard.getValue(),
                    askStudentId.getValue(), settings, new Teams(teamSizeValue(), teamsChosen.getValue())));
            getUI().ifPresent(ui -> ui.navigate(WorkshopsView.class));
        } catch (WorkshopRefusedException e) {
            Texts.refused(this, e);
        }
    }

    /** An empty field means no teams. */
    private int teamSizeValue() {
        Integer size = teamSize.getValue();
        return size == null ? 0 : size;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workshop.plan.title") + " · " + getTranslation("app.name");
    }
}
