package org.adversarialarena.base.ui;

import com.vaadin.flow.component.html.Div;

/**
 * A polite live region (WCAG 4.1.3): a screen reader reads what is put here once the reader is idle,
 * without moving the focus. The games announce through it what a sighted player sees change after a
 * stroke (the model's top class, the budget left) and how a round ended. It is not shown: the same
 * facts are on the page already.
 */
public class LiveAnnouncer extends Div {

    public LiveAnnouncer(String id) {
        setId(id);
        addClassName("sr-only");
        getElement().setAttribute("role", "status");
        getElement().setAttribute("aria-live", "polite");
        // The whole sentence is read, not only the words that changed.
        getElement().setAttribute("aria-atomic", "true");
    }

    /** Says {@code sentence}; a repeated sentence is not read again, as nothing changed. */
    public void announce(String sentence) {
        setText(sentence);
    }

    public String announced() {
        return getText();
    }
}
