package org.adversarialarena.judge.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.adversarialarena.base.ui.ArenaSection;
import org.adversarialarena.base.ui.SectionPage;

/** Not built yet: says what it will be and that it is coming. */
@AnonymousAllowed
@Route("judge")
class JudgeView extends SectionPage {

    JudgeView() {
        super(ArenaSection.JUDGE);
        add(new Paragraph(getTranslation("judge.text")), comingSoon());
    }
}
