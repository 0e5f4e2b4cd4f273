package org.adversarialarena.jobs.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import org.adversarialarena.account.AccountRole;
import org.adversarialarena.base.ui.LayoutExtension;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/** The training queue in an admin's navigation. */
@ConditionalOnWebApplication
@SpringComponent
class TrainingQueueMenu implements LayoutExtension {

    private final AuthenticationContext authentication;

    TrainingQueueMenu(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public List<SideNavItem> navigationItems() {
        if (!authentication.hasRole(AccountRole.ADMIN.name())) {
            return List.of();
        }
        SideNavItem item = new SideNavItem(new Span().getTranslation("nav.training-queue"), TrainingQueueView.PATH);
        item.setId("nav-training-queue");
        return List.of(item);
    }

    @Override
    public List<Component> navbarItems() {
        return List.of();
    }
}
