package org.adversarialarena.base.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The browser session of the request being handled, as a key for per-session limits: a player costs
 * nothing to make, so a limit per player alone is a limit per throw-away player. Null outside a
 * request (a test, a background job) or before the browser has a session.
 */
public final class ClientSession {

    private ClientSession() {
    }

    public static @Nullable String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            HttpSession session = request.getSession(false);
            return session == null ? null : "session:" + session.getId();
        }
        return null;
    }
}
