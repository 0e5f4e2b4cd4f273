package org.adversarialarena.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.adversarialarena.account.AccountRefusedException;

/** Shows why an account action was refused, in the reader's language. */
final class Refusals {

    private Refusals() {
    }

    static String text(Component where, AccountRefusedException refusal) {
        return where.getTranslation(refusal.key(), refusal.arguments());
    }

    static void show(Component where, AccountRefusedException refusal) {
        Notification notification = Notification.show(text(where, refusal));
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
