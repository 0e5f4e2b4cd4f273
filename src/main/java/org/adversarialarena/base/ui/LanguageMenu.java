package org.adversarialarena.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.springframework.core.annotation.Order;

/** Puts the {@link LanguageSwitch} into the title bar of every page, before the account corner. */
@org.springframework.stereotype.Component
@Order(0)
class LanguageMenu implements LayoutExtension {

    @Override
    public List<SideNavItem> navigationItems() {
        return List.of();
    }

    @Override
    public List<Component> navbarItems() {
        return List.of(new LanguageSwitch());
    }
}
