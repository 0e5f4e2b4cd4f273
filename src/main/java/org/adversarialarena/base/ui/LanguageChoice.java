package org.adversarialarena.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Which language a page speaks: the one its reader chose with the {@link LanguageSwitch} (kept in a
 * cookie, so the first response of the next visit already speaks it), otherwise the browser's
 * (Accept-Language, matched by Vaadin against {@link ArenaTranslations#LOCALES}).
 *
 * <p>A cookie rather than a column of the player: students are known by a token in the browser's own
 * storage, so the browser is where a player is remembered at all, and instructors' sign-in pages come
 * before any account is known.
 */
@ConditionalOnWebApplication
@Component
public class LanguageChoice implements VaadinServiceInitListener {

    static final String COOKIE = "arena-language";
    private static final Duration KEPT = Duration.ofDays(365);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            chosen(VaadinRequest.getCurrent()).ifPresent(locale -> {
                ui.setLocale(locale);
                ui.getSession().setLocale(locale);
            });
            markPage(ui);
        });
    }

    /** Switches {@code ui} to {@code locale}, remembers it in this browser and reloads the page in it. */
    static void choose(UI ui, Locale locale) {
        Locale offered = ArenaTranslations.offered(locale);
        VaadinSession session = ui.getSession();
        session.setLocale(offered);
        ui.setLocale(offered);
        ui.getPage().executeJs("document.cookie = $0; window.location.reload();", cookie(offered));
    }

    static String cookie(Locale locale) {
        return COOKIE + "=" + locale.toLanguageTag() + "; path=/; max-age=" + KEPT.toSeconds() + "; samesite=lax";
    }

    /** The language remembered in {@code request}'s cookie, if it names one the arena offers. */
    static Optional<Locale> chosen(@Nullable VaadinRequest request) {
        Cookie[] cookies = request == null ? null : request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).findFirst()
                .map(c -> Locale.forLanguageTag(c.getValue()))
                .filter(locale -> !locale.getLanguage().isEmpty())
                .map(ArenaTranslations::offered);
    }

    /**
     * Screen readers pick their voice, and browsers their CJK glyphs, from the page's lang attribute.
     * Two of Vaadin's texts that screen readers announce are English unless told, and Flow has no Java
     * setting for them: the connection indicator's states, and the name of a password field's reveal
     * button (set on every password field the page shows, now or later).
     */
    private static void markPage(UI ui) {
        ui.getPage().executeJs("""
                document.documentElement.lang = $0;
                const indicator = document.querySelector('vaadin-connection-indicator');
                if (indicator) {
                  indicator.onlineText = $1;
                  indicator.offlineText = $2;
                  indicator.reconnectingText = $3;
                }
                const reveal = $4;
                const label = () => document.querySelectorAll('vaadin-password-field').forEach((field) => {
                  if (field.i18n?.reveal !== reveal) field.i18n = { ...field.i18n, reveal };
                });
                label();
                new MutationObserver(label).observe(document.body, { childList: true, subtree: true });""",
                ui.getLocale().toLanguageTag(), ui.getTranslation("connection.online"),
                ui.getTranslation("connection.offline"), ui.getTranslation("connection.reconnecting"),
                ui.getTranslation("account.password.show"));
    }
}
