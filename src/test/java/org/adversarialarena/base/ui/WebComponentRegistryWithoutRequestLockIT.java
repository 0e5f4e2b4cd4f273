package org.adversarialarena.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.server.VaadinContext;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.webcomponent.WebComponentConfigurationRegistry;
import java.lang.reflect.Field;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The app's Vaadin service answers "any web components?" from the replacement registry, which answers
 * while the registry's lock is held elsewhere; Vaadin's own registry waits for it.
 */
@SpringBootTest
class WebComponentRegistryWithoutRequestLockIT extends SpringBrowserlessTest {

    @Test
    void theServiceUsesTheReplacementWhichAnswersWhileTheRegistrysLockIsHeld() throws Exception {
        VaadinContext context = VaadinService.getCurrent().getContext();
        WebComponentConfigurationRegistry registry = WebComponentConfigurationRegistry.getInstance(context);
        assertThat(registry).isInstanceOf(WebComponentRegistryWithoutRequestLock.class);
        assertThat(WebComponentRegistryWithoutRequestLock.installIn(context)).isSameAs(registry);

        assertThat(answersWhileLocked(registry)).isTrue();
        assertThat(answersWhileLocked(new WebComponentConfigurationRegistry() { })).isFalse();
    }

    /** Whether the registry says if it has configurations within a second while this thread holds its lock. */
    private static boolean answersWhileLocked(WebComponentConfigurationRegistry registry) throws Exception {
        Field field = WebComponentConfigurationRegistry.class.getDeclaredField("configurationLock");
        field.setAccessible(true);
        ReentrantLock lock = (ReentrantLock) field.get(registry);
        lock.lock();
        try {
            CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(registry::hasConfigurations);
            try {
                assertThat(answer.get(1, TimeUnit.SECONDS)).isFalse();
                return true;
            } catch (java.util.concurrent.TimeoutException e) {
                return false;
            }
        } finally {
            lock.unlock();
        }
    }
}
