package org.adversarialarena.base.ui;

import com.vaadin.flow.component.select.Select;
import java.util.Locale;

/**
 * The language menu of the title bar: each language named in itself, so a reader who does not
 * understand the current one still finds their own.
 */
public class LanguageSwitch extends Select<Locale> {

    public LanguageSwitch() {
        setId("language-switch");
        addClassName("arena-language");
        setItems(ArenaTranslations.LOCALES);
        setItemLabelGenerator(locale -> getTranslation(locale, "language.self"));
        setAriaLabel(getTranslation("language.choose"));
        setTooltipText(getTranslation("language.choose"));
        setValue(ArenaTranslations.offered(getLocale()));
        addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                getUI().ifPresent(ui -> LanguageChoice.choose(ui, change.getValue()));
            }
        });
    }
}
