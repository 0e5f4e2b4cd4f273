package org.adversarialarena.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/**
 * Caps the pages one session keeps open. Each page holds its components in the node's memory until the
 * browser leaves it or its heartbeats stop; a client that opens pages and never leaves them would hold
 * them all until its session ends (docs/reliability.md). When a page beyond the cap opens, the page heard
 * from least recently is closed; its tab, if it is still there, is told to reload on its next request.
 */
@ConditionalOnWebApplication
@SpringComponent
class OpenPagesLimit implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(OpenPagesLimit.class);

    private final int pagesPerSession;

    OpenPagesLimit(@Value("${arena.ui.pages-per-session:20}") int pagesPerSession) {
        if (pagesPerSession < 1) {
            throw new IllegalArgumentException("arena.ui.pages-per-session must be at least 1");
        }
        this.pagesPerSession = pagesPerSession;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> closeBeyondTheLimit(init.getUI()));
    }

    /** Runs while the new page's session is locked, as every UI init listener does. */
    private void closeBeyondTheLimit(UI opened) {
        List<UI> others = opened.getSession().getUIs().stream()
                .filter(ui -> ui != opened && !ui.isClosing())
                .sorted(Comparator.comparingLong(ui -> ui.getInternals().getLastHeartbeatTimestamp()))
                .toList();
        int excess = others.size() + 1 - pagesPerSession;
        if (excess > 0) {
            log.debug("A session opened page {} beyond its {} open pages: closing the {} heard from least recently",
                    opened.getUIId(), pagesPerSession, excess);
            others.subList(0, excess).forEach(UI::close);
        }
    }
}
