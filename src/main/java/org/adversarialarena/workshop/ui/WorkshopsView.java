package org.adversarialarena.workshop.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.adversarialarena.workshop.PlanSummary;
import org.adversarialarena.workshop.RunSummary;
import org.adversarialarena.workshop.WorkshopRefusedException;
import org.adversarialarena.workshop.WorkshopService;

/**
 * An instructor's workshops: their saved plans (new, edit, duplicate, delete, run) and the history of
 * their runs (host again, export). An admin sees everyone's.
 */
@Route(WorkshopPaths.WORKSHOPS)
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
class WorkshopsView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final WorkshopService workshops;
    final Grid<PlanSummary> plans = new Grid<>();
    final Grid<RunSummary> runs = new Grid<>();
    final Button create = new Button();

    WorkshopsView(WorkshopService workshops) {
        this.workshops = workshops;
        setId("workshops-view");
        create.setText(getTranslation("workshop.plans.new"));
        create.setId("workshop-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate(WorkshopPaths.PLAN)));
        plans.setId("workshop-plans");
        plans.addColumn(PlanSummary::name).setHeader(getTranslation("workshop.plans.name")).setFlexGrow(2);
        plans.addColumn(PlanSummary::rounds).setHeader(getTranslation("workshop.plans.rounds"));
        plans.addColumn(plan -> TIME.format(plan.updated())).setHeader(getTranslation("workshop.plans.updated"));
        plans.addColumn(PlanSummary::owner).setHeader(getTranslation("workshop.plans.owner"));
        plans.addComponentColumn(this::planActions).setFlexGrow(3);
        plans.setAllRowsVisible(true);
        runs.setId("workshop-runs");
        runs.addColumn(RunSummary::name).setHeader(getTranslation("workshop.plans.name")).setFlexGrow(2);
        runs.addColumn(run -> TIME.format(run.created())).setHeader(getTranslation("workshop.runs.started"));
        runs.addColumn(RunSummary::code).setHeader(getTranslation("workshop.runs.code"));
        runs.addColumn(run -> getTranslation("workshop.phase." + run.phase().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("workshop.runs.phase"));
        runs.addColumn(RunSummary::students).setHeader(getTranslation("workshop.runs.students"));
        runs.addComponentColumn(this::runActions).setFlexGrow(2);
        runs.setAllRowsVisible(true);
        add(new H2(getTranslation("workshop.plans.title")), new Paragraph(getTranslation("workshop.plans.text")), create,
                plans, new H3(getTranslation("workshop.runs.title")), runs);
        refresh();
    }

    private HorizontalLayout planActions(PlanSummary plan) {
        Button edit = new Button(getTranslation("workshop.plans.edit"),
                click -> getUI().ifPresent(ui -> ui.navigate(PlanEditorView.class, plan.id())));
        edit.setId("workshop-edit-" + plan.id());
        Button duplicate = new Button(getTranslation("workshop.plans.duplicate"), click -> act(() -> workshops.duplicate(plan.id())));
        duplicate.setId("workshop-duplicate-" + plan.id());
        Button run = new Button(getTranslation("workshop.plans.run"), click -> run(plan.id()));
        run.setId("workshop-run-" + plan.id());
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button delete = new Button(getTranslation("workshop.plans.delete"), click -> act(() -> workshops.delete(plan.id())));
        delete.setId("workshop-delete-" + plan.id());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(run, edit, duplicate, delete);
    }

    private HorizontalLayout runActions(RunSummary run) {
        Anchor host = new Anchor(WorkshopPaths.HOST + "/" + run.id(), getTranslation("workshop.runs.host"));
        host.setId("workshop-host-" + run.id());
        Anchor export = new Anchor(ExportDownload.of(workshops, run.id()), getTranslation("workshop.runs.export"));
        export.setId("workshop-export-" + run.id());
        return new HorizontalLayout(host, export);
    }

    void run(long planId) {
        try {
            long runId = workshops.open(planId);
            getUI().ifPresent(ui -> ui.navigate(HostView.class, runId));
        } catch (WorkshopRefusedException e) {
            Texts.refused(this, e);
        }
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (WorkshopRefusedException e) {
            Texts.refused(this, e);
        }
        refresh();
    }

    void refresh() {
        plans.setItems(workshops.plans());
        runs.setItems(workshops.runs());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workshop.plans.title") + " · " + getTranslation("app.name");
    }
}
