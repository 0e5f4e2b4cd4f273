package org.adversarialarena.base.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * The common frame of a section's page: its id, its heading and its translated title. Sections that
 * are not built yet show {@link #comingSoon()} and nothing that pretends to work.
 */
public abstract class SectionPage extends VerticalLayout implements HasDynamicTitle {

    private final ArenaSection section;

    protected SectionPage(ArenaSection section) {
        this.section = section;
        setId(section.viewId());
        addClassName("arena-page");
        add(new H2(getTranslation(section.id() + ".title")));
    }

    protected Paragraph comingSoon() {
        Paragraph soon = new Paragraph(getTranslation("common.coming-soon"));
        soon.addClassName("arena-soon");
        soon.setId(section.id() + "-coming-soon");
        return soon;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(section.id() + ".title") + " · " + getTranslation("app.name");
    }
}
