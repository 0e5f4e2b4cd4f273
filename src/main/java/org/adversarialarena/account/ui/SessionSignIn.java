package org.adversarialarena.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Finishes a sign-in that a view completed (the second factor): the new rights go where Spring
 * Security reads them on every request, the HTTP session, and the page reloads so the frame and the
 * navigation are built for them.
 */
final class SessionSignIn {

    private SessionSignIn() {
    }

    static void complete(Authentication signedIn, String target) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        VaadinSession.getCurrent().getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        UI.getCurrent().getPage().setLocation(target);
    }
}
