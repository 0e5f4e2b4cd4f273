package org.adversarialarena;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Points Spring Security's static holder at the security context of the application the test runs in.
 * Each application context that starts sets the holder to its own Vaadin-aware strategy (a thread-local
 * per instance), while its method security keeps reading its own: a test whose cached context started
 * before another one would otherwise sign people in where its services never look.
 */
public class SecurityContextOfEachTest implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifUnique(SecurityContextHolder::setContextHolderStrategy);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
