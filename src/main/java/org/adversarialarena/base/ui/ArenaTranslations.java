package org.adversarialarena.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.adversarialarena.base.TranslatedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The arena's texts in English (the default) and Simplified Chinese, read from
 * {@code vaadin-i18n/translations*.properties}.
 *
 * <p>Vaadin's default provider would offer only the locales named by file suffixes, so an English
 * browser would be served the first of them, Chinese; and {@link ResourceBundle}'s usual lookup falls
 * back to the server's own locale, so a server set to Chinese would answer English readers in Chinese.
 * Here English is offered first and the lookup never consults the server's locale. A key missing from
 * the Chinese file falls back to its English text (the bundles' parent chain), which the parity test
 * keeps from happening in a release.
 */
@Component
public class ArenaTranslations implements I18NProvider {

    /** English comes first: Vaadin serves the first locale to a browser that asks for none of them. */
    public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    static final String BUNDLE = "vaadin-i18n.translations";

    private static final Logger log = LoggerFactory.getLogger(ArenaTranslations.class);
    private static final ResourceBundle.Control NO_SERVER_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        String text;
        try {
            text = ResourceBundle.getBundle(BUNDLE, offered(locale), NO_SERVER_LOCALE).getString(key);
        } catch (MissingResourceException e) {
            log.warn("No text for key {} in {}", key, locale);
            return "!" + key;
        }
        if (params.length == 0) {
            // Like Vaadin's default provider: MessageFormat (and its quoting of ') only when there are arguments.
            return text;
        }
        Object[] arguments = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            // A lower layer's text (e.g. why an image was refused) is said in the reader's language too.
            arguments[i] = params[i] instanceof TranslatedText inner
                    ? getTranslation(inner.key(), locale, inner.arguments()) : params[i];
        }
        return new MessageFormat(text, offered(locale)).format(arguments);
    }

    /** The offered locale that serves {@code wanted}: any Chinese reads Simplified Chinese, the rest English. */
    public static Locale offered(Locale wanted) {
        return "zh".equals(wanted.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
