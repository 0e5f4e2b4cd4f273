package org.adversarialarena.fool;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import org.adversarialarena.base.ui.ArenaSection;
import org.adversarialarena.base.ui.SectionPage;

/** Not built yet: says what it will be and that it is coming. */
@Route("fool")
class FoolView extends SectionPage {

    FoolView() {
        super(ArenaSection.FOOL);
        add(new Paragraph(getTranslation("fool.text")), comingSoon());
    }
}
