package org.adversarialarena.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;

/**
 * What a feature adds to the frame around every page (accounts add the sign-in link and the pages of
 * the signed-in), without the frame knowing the feature. Called once per layout instance, so each
 * call builds fresh components for the person looking.
 */
public interface LayoutExtension {

    /** Items added to the navigation, after the arena's sections. */
    List<SideNavItem> navigationItems();

    /** Components added to the right of the title bar. */
    List<Component> navbarItems();
}
