package org.adversarialarena.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.internal.JacksonUtils;

/** The browser's side of {@link BrowserReceipt} in a browserless test: it received what the page rendered. */
public final class BrowserReceipts {

    private BrowserReceipts() {
    }

    /** Answers every receipt the current page asked for; other pending scripts are dropped, as they ran. */
    public static void answer() {
        UI ui = UI.getCurrent();
        // an element's scripts join the page's when the response is written, as here
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
        for (PendingJavaScriptInvocation invocation : ui.getInternals().dumpPendingJavaScriptInvocations()) {
            if (invocation.getInvocation().getExpression().contains(BrowserReceipt.SCRIPT)) {
                invocation.complete(JacksonUtils.getMapper().valueToTree("received"));
            }
        }
    }
}
