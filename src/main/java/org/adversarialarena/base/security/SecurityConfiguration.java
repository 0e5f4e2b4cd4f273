package org.adversarialarena.base.security;

import static org.springframework.security.config.Customizer.withDefaults;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who reaches what over HTTP. Views decide for themselves with their annotations (Vaadin's navigation
 * access control denies a view that has none); services guard their own methods. Students play
 * without signing in: the game views allow anonymous visitors.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    /** Writes {bcrypt}… hashes and still reads any other algorithm a stored hash names. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The actuator: health for everyone (its status only, details for admins), the rest for admins
     * with HTTP Basic, so a metrics scraper needs no session. Checked before the Vaadin chain.
     */
    @Bean
    @Order(1)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain applicationFilterChain(HttpSecurity http, SecurityProperties properties, Clock clock) throws Exception {
        http.headers(headers -> {
            headers.contentTypeOptions(withDefaults())
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                    .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000))
                    .contentSecurityPolicy(csp -> csp.policyDirectives(properties.contentSecurityPolicy()));
            // X-Frame-Options knows no list of sites: where frame-ancestors names others, CSP alone decides
            if ("'self'".equals(properties.frameAncestors())) {
                headers.frameOptions(frame -> frame.sameOrigin());
            } else {
                headers.frameOptions(frame -> frame.disable());
            }
        });
        http.addFilterBefore(new SessionLifetimeFilter(clock, properties.sessionMaxLifetime()),
                SecurityContextHolderFilter.class);
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("/" + SecurityPaths.LOGIN))
                .build();
    }
}
