package org.adversarialarena.account.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import org.adversarialarena.account.AccountPaths;
import org.adversarialarena.account.AccountService;
import org.adversarialarena.account.SignInRoles;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Keeps someone half-way through signing in on the page of their next step (the code, or setting up
 * a second factor) whatever address they open, and signs out, on their next navigation, anyone
 * whose account was disabled or whose role changed meanwhile: the check reads the database, so it
 * holds on every node. Both end the account's sessions at once ({@code AccountSessions}); this check
 * is for an announcement a node missed while its listening connection was down.
 */
@ConditionalOnWebApplication
@SpringComponent
class SignInSteps implements VaadinServiceInitListener {

    private final AuthenticationContext authentication;
    private final AccountService accounts;

    SignInSteps(AuthenticationContext authentication, AccountService accounts) {
        this.authentication = authentication;
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    private static List<String> authorities() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current == null ? List.of()
                : current.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    private void beforeEnter(BeforeEnterEvent event) {
        if (!authentication.isAuthenticated()) {
            return;
        }
        String path = event.getLocation().getPath();
        if (!accounts.mayStaySignedIn(authentication.getPrincipalName().orElse(""), authorities())) {
            authentication.logout();
        } else if (authentication.hasRole(SignInRoles.CODE_PENDING) && !path.equals(AccountPaths.CODE)) {
            event.forwardTo(AccountPaths.CODE);
        } else if (authentication.hasRole(SignInRoles.TOTP_SETUP) && !path.equals(AccountPaths.MY_ACCOUNT)) {
            event.forwardTo(AccountPaths.MY_ACCOUNT);
        }
    }
}
