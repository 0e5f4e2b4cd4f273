package org.adversarialarena.competition.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.adversarialarena.base.Refusal;

/** How the competition pages tell people things: refusals in their language, times in UTC, shares in percent. */
final class Notices {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Notices() {
    }

    static void refused(Component where, Refusal refusal) {
        Notification notification = Notification.show(where.getTranslation(refusal.key(), refusal.arguments()), 6000,
                Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_WARNING);
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    static String size(double perturbation) {
        return String.format(Locale.ROOT, "%.4f", perturbation);
    }
}
