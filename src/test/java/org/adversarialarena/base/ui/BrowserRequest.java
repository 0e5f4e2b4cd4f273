package org.adversarialarena.base.ui;

import com.vaadin.flow.component.UI;

/** What a browserless test does where a real request would end: the page's answer is prepared. */
public final class BrowserRequest {

    private BrowserRequest() {
    }

    /**
     * Runs what the page left for just before its answer (the canvas handles the latest of its queued
     * reports there), as Vaadin does at the end of every request.
     */
    public static void answer() {
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
    }
}
