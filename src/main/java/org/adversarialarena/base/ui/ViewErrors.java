package org.adversarialarena.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/** Gives every session the {@link ViewErrorHandler}, so no failure of a page goes unseen by its user. */
@ConditionalOnWebApplication
@SpringComponent
class ViewErrors implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new ViewErrorHandler()));
    }
}
