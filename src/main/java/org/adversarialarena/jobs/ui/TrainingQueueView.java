package org.adversarialarena.jobs.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.adversarialarena.base.Refusal;
import org.adversarialarena.jobs.QueuedRun;
import org.adversarialarena.jobs.TrainingQueue;

/**
 * The admin's queue of training runs: every owner's running, waiting and paused runs (owner, kind,
 * status, step, node, priority), each of which the admin can cancel or move up or down the queue.
 */
@Route(TrainingQueueView.PATH)
@RolesAllowed("ADMIN")
class TrainingQueueView extends VerticalLayout implements HasDynamicTitle {

    static final String PATH = "admin/training-queue";

    final Grid<QueuedRun> grid = new Grid<>();
    final Button refresh = new Button();
    final Paragraph empty = new Paragraph();
    private final TrainingQueue queue;

    TrainingQueueView(TrainingQueue queue) {
        this.queue = queue;
        setId("training-queue-view");
        refresh.setText(getTranslation("jobs.queue.refresh"));
        refresh.setId("training-queue-refresh");
        refresh.addClickListener(click -> refresh());
        empty.setText(getTranslation("jobs.queue.empty"));
        configureGrid();
        add(new H2(getTranslation("jobs.queue.title")), new Paragraph(getTranslation("jobs.queue.text")), refresh,
                empty, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("jobs.queue.title");
    }

    private void configureGrid() {
        grid.setId("training-queue-grid");
        grid.addColumn(QueuedRun::id).setHeader(getTranslation("jobs.queue.run")).setAutoWidth(true);
        grid.addColumn(this::owner).setHeader(getTranslation("jobs.queue.owner")).setAutoWidth(true);
        grid.addColumn(run -> getTranslation("jobs.kind." + run.kind().name())).setHeader(getTranslation("jobs.queue.kind"));
        grid.addColumn(run -> getTranslation("lab.status." + run.status().name()))
                .setHeader(getTranslation("jobs.queue.status"));
        grid.addColumn(run -> getTranslation("jobs.queue.step-of", Integer.toString(run.step()),
                Integer.toString(run.totalSteps()))).setHeader(getTranslation("jobs.queue.step"));
        grid.addColumn(run -> run.node() == null ? "" : run.node()).setHeader(getTranslation("jobs.queue.node"));
        grid.addColumn(QueuedRun::priority).setHeader(getTranslation("jobs.queue.priority"));
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        grid.setAllRowsVisible(true);
    }

    private String owner(QueuedRun run) {
        String name = run.ownerName() == null ? "" : run.ownerName();
        if (run.owner().playerId() != null) {
            return getTranslation("jobs.queue.owner-player", name, Long.toString(run.owner().playerId()));
        }
        return run.owner().accountId() != null ? name : getTranslation("jobs.queue.owner-system");
    }

    private HorizontalLayout actions(QueuedRun run) {
        Button up = new Button(getTranslation("jobs.queue.up"), click -> act(() -> queue.reprioritise(run.id(),
                run.priority() + 1)));
        up.setId("queue-up-" + run.id());
        up.setEnabled(run.priority() < TrainingQueue.MAX_PRIORITY);
        Button down = new Button(getTranslation("jobs.queue.down"), click -> act(() -> queue.reprioritise(run.id(),
                run.priority() - 1)));
        down.setId("queue-down-" + run.id());
        down.setEnabled(run.priority() > TrainingQueue.MIN_PRIORITY);
        Button cancel = new Button(getTranslation("jobs.queue.cancel"), click -> act(() -> queue.cancel(run.id())));
        cancel.setId("queue-cancel-" + run.id());
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button button : List.of(up, down, cancel)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        return new HorizontalLayout(up, down, cancel);
    }

    /** Does an admin action and shows the queue as it is now; a refusal (e.g. the run ended meanwhile) is said. */
    private void act(Runnable action) {
        try {
            action.run();
        } catch (Refusal refused) {
            Notification notification = Notification.show(getTranslation(refused.key(), refused.arguments()));
            notification.addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
        refresh();
    }

    void refresh() {
        List<QueuedRun> runs = queue.runs();
        grid.setItems(runs);
        empty.setVisible(runs.isEmpty());
    }
}
