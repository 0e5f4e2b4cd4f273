package org.adversarialarena.base.db;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Makes the app's Hikari pool, embedded database or not, an {@link OutageAwarePool}. Whoever needs Hikari
 * itself (its URL, its settings) unwraps the {@code DataSource}.
 */
@Configuration(proxyBeanMethods = false)
class OutageAwarePoolConfiguration {

    /** How long a request waits for a connection while the database is known to be away (Hikari's least is 250 ms). */
    static final String OUTAGE_TIMEOUT = "arena.database.outage-connection-timeout";

    @Bean
    static BeanPostProcessor outageAwarePool(Environment environment) {
        Duration outageTimeout = environment.getProperty(OUTAGE_TIMEOUT, Duration.class, Duration.ofMillis(250));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof HikariDataSource pool ? new OutageAwarePool(pool, outageTimeout) : bean;
            }
        };
    }
}
