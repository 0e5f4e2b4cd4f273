package org.adversarialarena.player.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.internal.JacksonUtils;
import org.jspecify.annotations.Nullable;

/**
 * The browser's local storage in a browserless test, as pages ask it for the player's resume token (or a
 * workshop's seat token): answers the current UI's pending reads of it.
 */
public final class BrowserStorage {

    private BrowserStorage() {
    }

    /** This browser has a player: the pending reads get their resume token. */
    public static void answer(String token) {
        complete(JacksonUtils.getMapper().valueToTree(token));
    }

    /** This browser has nothing stored: the pending reads get null. */
    public static void answerEmpty() {
        complete(JacksonUtils.getMapper().nullNode());
    }

    private static void complete(tools.jackson.databind.JsonNode value) {
        for (PendingJavaScriptInvocation invocation : UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations()) {
            if (invocation.getInvocation().getExpression().contains("localStorage.getItem")) {
                invocation.complete(value);
            }
        }
    }
}
