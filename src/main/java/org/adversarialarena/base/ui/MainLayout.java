package org.adversarialarena.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;

/** The frame around every page: a title bar and the navigation between the games. */
@AnonymousAllowed
@Layout
public class MainLayout extends AppLayout {

    public MainLayout(List<LayoutExtension> extensions) {
        H1 brand = new H1(getTranslation("app.name"));
        brand.addClassName("arena-brand");
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.navigation"));
        addToNavbar(toggle, brand);
        extensions.forEach(extension -> extension.navbarItems().forEach(this::addToNavbar));
        addToDrawer(navigation(extensions));
        setPrimarySection(Section.DRAWER);
    }

    private SideNav navigation(List<LayoutExtension> extensions) {
        SideNav nav = new SideNav();
        for (ArenaSection section : ArenaSection.values()) {
            SideNavItem item = new SideNavItem(getTranslation(section.navigationKey()), section.path());
            item.setId("nav-" + section.id());
            nav.addItem(item);
        }
        extensions.forEach(extension -> extension.navigationItems().forEach(nav::addItem));
        return nav;
    }
}
