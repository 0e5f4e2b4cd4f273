package org.adversarialarena.workshop.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.ArrayList;
import java.util.List;
import org.adversarialarena.account.AccountRole;
import org.adversarialarena.base.ui.LayoutExtension;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/** Workshops in the navigation: joining one for everyone, running them for instructors and admins. */
@ConditionalOnWebApplication
@SpringComponent
class WorkshopMenu implements LayoutExtension {

    private final AuthenticationContext authentication;

    WorkshopMenu(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public List<SideNavItem> navigationItems() {
        List<SideNavItem> items = new ArrayList<>();
        items.add(item("nav.workshop-join", WorkshopPaths.PLAY, "nav-workshop-join"));
        if (authentication.hasAnyRole(AccountRole.ADMIN.name(), AccountRole.INSTRUCTOR.name())) {
            items.add(item("nav.workshops", WorkshopPaths.WORKSHOPS, "nav-workshops"));
        }
        return items;
    }

    @Override
    public List<Component> navbarItems() {
        return List.of();
    }

    private static SideNavItem item(String key, String path, String id) {
        SideNavItem item = new SideNavItem(new Span().getTranslation(key), path);
        item.setId(id);
        return item;
    }
}
