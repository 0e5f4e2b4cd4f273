package org.adversarialarena.workshop.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.Duration;
import java.util.Locale;
import org.adversarialarena.base.Refusal;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.workshop.RoundSettings;
import org.adversarialarena.workshop.RunState;

/** Texts every workshop screen shows the same way: round titles, times, points, refusals. */
final class Texts {

    private Texts() {
    }

    /** "Round 2 of 3 · Faint touch · MNIST digits". */
    static String roundTitle(Component where, RunState run) {
        return run.currentRound().map(round -> where.getTranslation("workshop.round.title", run.roundNumber(),
                run.rounds().size(), settings(where, round))).orElse("");
    }

    static String settings(Component where, RoundSettings round) {
        String game = round.isForge()
                ? where.getTranslation("workshop.round.forge", className(where, round.dataset(), round.forgeClass()))
                : where.getTranslation(round.level().titleKey());
        return game + " · "
                + where.getTranslation("dataset." + round.dataset().slug());
    }

    static String className(Component where, DatasetId dataset, int classIndex) {
        return where.getTranslation("dataset." + dataset.slug() + ".class." + classIndex);
    }

    /** m:ss */
    static String clock(Duration left) {
        long seconds = (left.toMillis() + 999) / 1000;
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    static String points(double points) {
        return String.format(Locale.ROOT, "%.1f", points);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * fraction);
    }

    static void refused(Component where, Refusal refusal) {
        warn(where, where.getTranslation(refusal.key(), refusal.arguments()));
    }

    static void warn(Component where, String text) {
        Notification notification = Notification.show(text, 5000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_WARNING);
    }
}
