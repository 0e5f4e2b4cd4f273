package org.adversarialarena.base.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What guards the services on every node, a trainer node without a web server included: method
 * security and the password encoder. The HTTP side is {@link SecurityConfiguration}.
 */
@Configuration
@EnableMethodSecurity(jsr250Enabled = true)
@EnableConfigurationProperties(SecurityProperties.class)
class ServiceSecurityConfiguration {

    /** Writes {bcrypt}… hashes and still reads any other algorithm a stored hash names. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
