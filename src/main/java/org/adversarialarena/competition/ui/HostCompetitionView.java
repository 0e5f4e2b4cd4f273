package org.adversarialarena.competition.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.adversarialarena.competition.AttackBudget;
import org.adversarialarena.competition.BudgetNorm;
import org.adversarialarena.competition.CompetitionPhase;
import org.adversarialarena.competition.CompetitionRefusedException;
import org.adversarialarena.competition.CompetitionService;
import org.adversarialarena.competition.CompetitionSettings;
import org.adversarialarena.competition.EntryRules;
import org.adversarialarena.competition.ForgeTrack;
import org.adversarialarena.ml.data.DatasetId;
import org.jspecify.annotations.Nullable;

/**
 * Hosting a competition: the rules, who may enter, when, one or two phases (e.g. black-box, then
 * white-box), caps, the freeze and the board's anonymity, the attack track's target, set and budget,
 * and whether the second phase attacks the defenses of the first. Times are in UTC. The service checks everything; a refusal names the problem.
 */
@Route(CompetitionPaths.NEW)
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
class HostCompetitionView extends VerticalLayout implements HasDynamicTitle {

    private final CompetitionService competitions;
    final TextField title = new TextField();
    final TextArea description = new TextArea();
    final Checkbox privateEntry = new Checkbox();
    final DateTimePicker starts = new DateTimePicker();
    final DateTimePicker ends = new DateTimePicker();
    final TextField firstPhase = new TextField();
    final Checkbox firstBlind = new Checkbox();
    final TextField secondPhase = new TextField();
    final DateTimePicker secondStarts = new DateTimePicker();
    final Checkbox secondBlind = new Checkbox();
    final Checkbox secondWhiteBox = new Checkbox();
    final Checkbox defensesAttacked = new Checkbox();
    final IntegerField dailyCap = new IntegerField();
    final IntegerField totalCap = new IntegerField();
    final IntegerField freezeHours = new IntegerField();
    final Checkbox anonymous = new Checkbox();
    final IntegerField finalPicks = new IntegerField();
    final IntegerField teamSize = new IntegerField();
    final Select<String> target = new Select<>();
    final IntegerField images = new IntegerField();
    final IntegerField seed = new IntegerField();
    final Select<BudgetNorm> norm = new Select<>();
    final NumberField limit = new NumberField();
    final Select<DatasetId> forgeDataset = new Select<>();
    final IntegerField forgePrompt = new IntegerField();
    final Button save = new Button();

    HostCompetitionView(CompetitionService competitions) {
        this.competitions = competitions;
        setId("competition-host-view");
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        label(title, "competition.title", "competition-title");
        label(description, "competition.rules", "competition-rules");
        privateEntry.setLabel(getTranslation("competition.host.private"));
        privateEntry.setId("competition-private");
        label(starts, "competition.starts", "competition-starts");
        starts.setValue(now);
        label(ends, "competition.ends", "competition-ends");
        ends.setValue(now.plusDays(7));
        label(firstPhase, "competition.host.first-phase", "competition-phase-1");
        firstPhase.setValue(getTranslation("competition.host.black-box"));
        firstBlind.setLabel(getTranslation("competition.host.blind"));
        label(secondPhase, "competition.host.second-phase", "competition-phase-2");
        secondPhase.setHelperText(getTranslation("competition.host.second-phase-help"));
        label(secondStarts, "competition.host.second-starts", "competition-phase-2-starts");
        secondBlind.setLabel(getTranslation("competition.host.blind"));
        secondWhiteBox.setLabel(getTranslation("competition.host.white-box"));
        secondWhiteBox.setValue(true);
        secondWhiteBox.setId("competition-phase-2-white-box");
        defensesAttacked.setLabel(getTranslation("competition.host.defenses-attacked"));
        defensesAttacked.setHelperText(getTranslation("competition.host.defenses-attacked-help"));
        defensesAttacked.setId("competition-defenses-attacked");
        label(dailyCap, "competition.host.daily-cap", "competition-daily-cap");
        dailyCap.setValue(5);
        label(totalCap, "competition.host.total-cap", "competition-total-cap");
        totalCap.setValue(20);
        label(freezeHours, "competition.host.freeze", "competition-freeze");
        freezeHours.setValue(24);
        anonymous.setLabel(getTranslation("competition.host.anonymous"));
        anonymous.setId("competition-anonymous");
        label(finalPicks, "competition.host.final-picks", "competition-final-picks");
        finalPicks.setHelperText(getTranslation("competition.host.final-picks-help"));
        finalPicks.setValue(0);
        label(teamSize, "competition.host.team-size", "competition-team-size");
        teamSize.setHelperText(getTranslation("competition.host.team-size-help"));
        teamSize.setValue(1);
        label(target, "competition.target", "competition-target");
        target.setItems(CompetitionService.TARGETS);
        target.setValue(CompetitionService.TARGETS.getFirst());
        label(images, "competition.host.images", "competition-images");
        images.setValue(CompetitionSettings.DEFAULT_IMAGE_COUNT);
        label(seed, "competition.host.seed", "competition-seed");
        seed.setValue(1);
        label(norm, "competition.host.norm", "competition-norm");
        norm.setItems(BudgetNorm.values());
        norm.setItemLabelGenerator(value -> getTranslation("competition.norm." + value.name()));
        norm.setValue(BudgetNorm.LINF);
        label(limit, "competition.host.limit", "competition-limit");
        limit.setValue(0.3);
        label(forgeDataset, "competition.host.forge-dataset", "competition-forge-dataset");
        forgeDataset.setItems(DatasetId.values());
        forgeDataset.setItemLabelGenerator(value -> value == null ? "" : value.slug());
        forgeDataset.setEmptySelectionAllowed(true);
        forgeDataset.setEmptySelectionCaption(getTranslation("competition.host.forge-none"));
        label(forgePrompt, "competition.host.forge-prompt", "competition-forge-prompt");
        forgePrompt.setHelperText(getTranslation("competition.host.forge-prompt-help"));
        save.setText(getTranslation("competition.host.save"));
        save.setId("competition-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        FormLayout rules = new FormLayout(title, privateEntry, starts, ends, firstPhase, firstBlind, secondPhase,
                secondStarts, secondBlind, secondWhiteBox, defensesAttacked, dailyCap, totalCap, freezeHours, anonymous,
                finalPicks, teamSize);
        FormLayout track = new FormLayout(target, images, seed, norm, limit);
        add(new H2(getTranslation("competition.host.title")), description, rules,
                new H3(getTranslation("competition.host.track")), track,
                new H3(getTranslation("competition.host.forge-track")), new FormLayout(forgeDataset, forgePrompt), save);
        description.setWidthFull();
    }

    private static void label(com.vaadin.flow.component.HasLabel field, String key, String id) {
        com.vaadin.flow.component.Component component = (com.vaadin.flow.component.Component) field;
        field.setLabel(component.getTranslation(key));
        component.setId(id);
    }

    void save() {
        try {
            long id = competitions.host(settings(), forgeTrack());
            getUI().ifPresent(ui -> ui.navigate(CompetitionPaths.ONE + "/" + id));
        } catch (CompetitionRefusedException e) {
            Notices.refused(this, e);
        }
    }

    private CompetitionSettings settings() {
        Instant start = utc(starts.getValue());
        List<CompetitionPhase> phases = new ArrayList<>();
        phases.add(new CompetitionPhase(firstPhase.getValue(), start, firstBlind.getValue(), false));
        if (!secondPhase.getValue().isBlank()) {
            if (secondStarts.getValue() == null) {
                throw CompetitionRefusedException.invalid("competition.refused.phases", "The second phase needs a start");
            }
            phases.add(new CompetitionPhase(secondPhase.getValue(), utc(secondStarts.getValue()), secondBlind.getValue(),
                    secondWhiteBox.getValue()));
        }
        return new CompetitionSettings(title.getValue(), description.getValue(), privateEntry.getValue(), start,
                utc(ends.getValue()), phases, orZero(dailyCap.getValue()), orZero(totalCap.getValue()),
                Duration.ofHours(orZero(freezeHours.getValue())), anonymous.getValue(), target.getValue(),
                orZero(images.getValue()), orZero(seed.getValue()),
                new AttackBudget(norm.getValue(), limit.getValue() == null ? 0 : limit.getValue()),
                defensesAttacked.getValue(), new EntryRules(orZero(finalPicks.getValue()), orZero(teamSize.getValue())));
    }

    /** None without a dataset; a dataset without a prompt is refused. */
    private @Nullable ForgeTrack forgeTrack() {
        DatasetId dataset = forgeDataset.getValue();
        if (dataset == null) {
            return null;
        }
        if (forgePrompt.getValue() == null) {
            throw CompetitionRefusedException.invalid("competition.refused.forge", "The prompt is one of the dataset's classes");
        }
        return new ForgeTrack(dataset, forgePrompt.getValue());
    }

    private static Instant utc(LocalDateTime value) {
        if (value == null) {
            throw CompetitionRefusedException.invalid("competition.refused.dates", "Start and end are needed");
        }
        return value.toInstant(ZoneOffset.UTC);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("competition.host.title") + " · " + getTranslation("app.name");
    }
}
