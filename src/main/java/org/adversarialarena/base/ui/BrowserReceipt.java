package org.adversarialarena.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableRunnable;

/**
 * Runs an action once the browser has received what the page just rendered: the browser answers a
 * script that runs after it applied the response, so the answer proves the response arrived. A node
 * that dies before the answer never runs the action (a stored result is then still unseen, and told
 * on the player's next visit); a page that is gone never answers.
 */
public final class BrowserReceipt {

    /** The script the browser answers; tests of pages without a browser answer it themselves. */
    public static final String SCRIPT = "return 'received'";

    private BrowserReceipt() {
    }

    /** Runs {@code action} in the page's UI when the browser answers. */
    public static void then(Component rendered, SerializableRunnable action) {
        rendered.getElement().executeJs(SCRIPT).then(received -> action.run());
    }
}
