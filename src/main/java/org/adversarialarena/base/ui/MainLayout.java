package org.adversarialarena.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;

/** The frame around every page: a title bar and the navigation between the games. */
@Layout
public class MainLayout extends AppLayout {

    public MainLayout() {
        H1 brand = new H1(getTranslation("app.name"));
        brand.addClassName("arena-brand");
        addToNavbar(new DrawerToggle(), brand);
        addToDrawer(navigation());
        setPrimarySection(Section.DRAWER);
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        for (ArenaSection section : ArenaSection.values()) {
            SideNavItem item = new SideNavItem(getTranslation(section.navigationKey()), section.path());
            item.setId("nav-" + section.id());
            nav.addItem(item);
        }
        return nav;
    }
}
