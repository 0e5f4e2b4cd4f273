package org.adversarialarena.base.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * The common frame of a section's page: its id, its heading and its translated title.
 */
public abstract class SectionPage extends VerticalLayout implements HasDynamicTitle {

    private final ArenaSection section;

    protected SectionPage(ArenaSection section) {
        this.section = section;
        setId(section.viewId());
        addClassName("arena-page");
        add(new H2(getTranslation(section.id() + ".title")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation(section.id() + ".title") + " · " + getTranslation("app.name");
    }
}
