package org.adversarialarena.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.ArrayList;
import java.util.List;
import org.adversarialarena.account.AccountPaths;
import org.adversarialarena.account.AccountRole;
import org.adversarialarena.audit.AuditLog;
import org.adversarialarena.audit.AuditType;
import org.adversarialarena.base.ui.LayoutExtension;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/**
 * The account corner of every page: a discreet sign-in link for instructors (students need none), or
 * the signed-in person's name, their pages and a sign-out button.
 */
@ConditionalOnWebApplication
@SpringComponent
class AccountMenu implements LayoutExtension {

    private final AuthenticationContext authentication;
    private final AuditLog audit;

    AccountMenu(AuthenticationContext authentication, AuditLog audit) {
        this.authentication = authentication;
        this.audit = audit;
    }

    @Override
    public List<SideNavItem> navigationItems() {
        List<SideNavItem> items = new ArrayList<>();
        if (authentication.hasAnyRole(AccountRole.ADMIN.name(), AccountRole.INSTRUCTOR.name())) {
            items.add(item("nav.account", AccountPaths.MY_ACCOUNT, "nav-account"));
        }
        if (authentication.hasRole(AccountRole.ADMIN.name())) {
            items.add(item("nav.admin", AccountPaths.ADMIN, "nav-admin"));
        }
        return items;
    }

    @Override
    public List<Component> navbarItems() {
        HorizontalLayout corner = new HorizontalLayout();
        corner.addClassName("arena-account-corner");
        corner.setAlignItems(HorizontalLayout.Alignment.CENTER);
        if (authentication.isAuthenticated()) {
            String name = authentication.getPrincipalName().orElse("");
            Button signOut = new Button(corner.getTranslation("account.signout"), click -> signOut(name));
            signOut.setId("sign-out");
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            corner.add(new Span(name), signOut);
        } else {
            Anchor signIn = new Anchor(AccountPaths.LOGIN, corner.getTranslation("account.signin.link"));
            signIn.setId("sign-in-link");
            corner.add(signIn);
        }
        return List.of(corner);
    }

    private void signOut(String name) {
        audit.record(AuditType.SIGN_OUT, name, null);
        authentication.logout();
    }

    private static SideNavItem item(String key, String path, String id) {
        SideNavItem item = new SideNavItem(new Span().getTranslation(key), path);
        item.setId(id);
        return item;
    }
}
