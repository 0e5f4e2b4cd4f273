package org.adversarialarena.competition.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.util.List;
import org.adversarialarena.base.ui.LayoutExtension;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/** Competitions in the navigation, for everyone: students enter them there, instructors host them there. */
@ConditionalOnWebApplication
@SpringComponent
class CompetitionMenu implements LayoutExtension {

    @Override
    public List<SideNavItem> navigationItems() {
        SideNavItem item = new SideNavItem(new Span().getTranslation("nav.competitions"), CompetitionPaths.LIST);
        item.setId("nav-competitions");
        return List.of(item);
    }

    @Override
    public List<Component> navbarItems() {
        return List.of();
    }
}
