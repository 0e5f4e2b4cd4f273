package org.adversarialarena.round.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.ZoneOffset;
import java.util.List;
import org.adversarialarena.base.ui.LocalFormat;
import org.adversarialarena.round.StoredResult;

/**
 * Tells a player the results the server stored but never showed them (it died between storing a
 * submission and answering): one line per result, in a notification that stays until closed, so a
 * result is not missed a second time.
 */
public final class UnseenResultsNotice {

    private UnseenResultsNotice() {
    }

    /** Opens the notice in the current UI if there is anything to tell. */
    public static void show(List<StoredResult> results) {
        UI ui = UI.getCurrent();
        if (results.isEmpty() || ui == null) {
            return;
        }
        Div lines = new Div();
        for (StoredResult result : results) {
            lines.add(new Paragraph(ui.getTranslation("results.unseen",
                    LocalFormat.dateTime(result.submitted(), ZoneOffset.UTC), LocalFormat.decimal(result.points(), 1))));
        }
        Notification notification = new Notification(lines);
        notification.setId("unseen-results");
        notification.setPosition(Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_PRIMARY);
        notification.setDuration(0);
        lines.addClickListener(click -> notification.close());
        notification.open();
    }
}
