package org.adversarialarena.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.webcomponent.WebComponentConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinContext;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.webcomponent.WebComponentConfigurationRegistry;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/**
 * Vaadin's registry of exported web components, answering "are there any?" without its lock.
 *
 * <p>Vaadin asks that question on every request (its web-component handler checks whether it could
 * handle the request), and the registry answers it under one fair lock for the whole server. Under
 * load every request thread queued on that lock: a fair lock hands itself to the longest waiter, which
 * must first get a core, so with a few hundred players on two cores nearly every request thread was
 * parked there (docs/reliability.md). The answer changes only when the configurations are set, so it is kept in a
 * volatile field, refreshed after each change under the registry's own lock; everything else is
 * Vaadin's as it was.
 */
public class WebComponentRegistryWithoutRequestLock extends WebComponentConfigurationRegistry {

    private volatile boolean hasConfigurations;

    protected WebComponentRegistryWithoutRequestLock() {
    }

    @Override
    public boolean hasConfigurations() {
        return hasConfigurations;
    }

    @Override
    public boolean setConfigurations(Set<WebComponentConfiguration<? extends Component>> configurations) {
        boolean set = super.setConfigurations(configurations);
        hasConfigurations = super.hasConfigurations();
        return set;
    }

    @Override
    protected void updateRegistry(Set<WebComponentConfiguration<? extends Component>> configurations) {
        super.updateRegistry(configurations);
        hasConfigurations = super.hasConfigurations();
    }

    /** Puts this registry in place of Vaadin's in {@code context}, with the configurations it already had. */
    static WebComponentRegistryWithoutRequestLock installIn(VaadinContext context) {
        WebComponentConfigurationRegistry current = WebComponentConfigurationRegistry.getInstance(context);
        if (current instanceof WebComponentRegistryWithoutRequestLock installed) {
            return installed;
        }
        WebComponentRegistryWithoutRequestLock replacement = new WebComponentRegistryWithoutRequestLock();
        Set<WebComponentConfiguration<? extends Component>> known = current.getConfigurations();
        if (!known.isEmpty()) {
            replacement.setConfigurations(known);
        }
        replacement.setShadowDomElements(current.getShadowDomElements());
        context.setAttribute(WebComponentConfigurationRegistry.class, replacement);
        return replacement;
    }

    /** Installs the registry when Vaadin's service starts, before it handles a request. */
    @ConditionalOnWebApplication
    @SpringComponent
    static class Installer implements VaadinServiceInitListener {

        @Override
        public void serviceInit(ServiceInitEvent event) {
            installIn(event.getSource().getContext());
        }
    }
}
