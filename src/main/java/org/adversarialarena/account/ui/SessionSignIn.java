package org.adversarialarena.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Finishes a sign-in that a view completed (the second factor): the session gets a new id, as at any
 * change of rights (a session id seen before the code was entered is worth nothing after), the new
 * rights go where Spring Security reads them on every request, the HTTP session, and the page reloads
 * so the frame and the navigation are built for them.
 */
final class SessionSignIn {

    private SessionSignIn() {
    }

    static void complete(Authentication signedIn, String target) {
        // Vaadin's push sends client events by XHR: a real HTTP request, whose response carries the new cookie
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request
                && request.getHttpServletRequest().getSession(false) != null) {
            request.getHttpServletRequest().changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        VaadinSession.getCurrent().getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        UI.getCurrent().getPage().setLocation(target);
    }
}
