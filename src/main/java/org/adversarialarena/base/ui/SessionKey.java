package org.adversarialarena.base.ui;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import org.jspecify.annotations.Nullable;

/**
 * The key that per-session limits count under: the HTTP session's id. The limiters themselves take
 * plain strings, so they stay free of Vaadin.
 */
public final class SessionKey {

    private SessionKey() {
    }

    public static String current() {
        VaadinSession session = VaadinSession.getCurrent();
        @Nullable WrappedSession wrapped = session == null ? null : session.getSession();
        return wrapped == null ? "session:none" : "session:" + wrapped.getId();
    }
}
