package org.adversarialarena.base.security;

import static org.springframework.security.config.Customizer.withDefaults;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Who reaches what over HTTP. Views decide for themselves with their annotations (Vaadin's navigation
 * access control denies a view that has none); services guard their own methods. Students play
 * without signing in: the game views allow anonymous visitors.
 */
@Configuration
@ConditionalOnWebApplication
@EnableWebSecurity
class SecurityConfiguration {

    /** Ahead of every other filter, so each response carries the security headers, errors included. */
    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeaders(SecurityProperties properties) {
        FilterRegistrationBean<SecurityHeadersFilter> registration =
                new FilterRegistrationBean<>(new SecurityHeadersFilter(properties));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * No tracing of each security filter: every canvas stroke is a request, and wrapping each of the
     * chain's filters in an observation cost more than the filters' own work (docs/reliability.md).
     * Request timings stay with the server's own {@code http.server.requests} metric.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    FilterRegistrationBean<UnknownRouteFilter> unknownRoutes() {
        FilterRegistrationBean<UnknownRouteFilter> registration = new FilterRegistrationBean<>(new UnknownRouteFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
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

    /**
     * The REST API (competitions): stateless, no session, no CSRF (no cookie authenticates it: each call
     * carries a personal access token, checked and rate-limited by the feature's service).
     */
    @Bean
    @Order(0)
    SecurityFilterChain apiFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain applicationFilterChain(HttpSecurity http, SecurityProperties properties, Clock clock) throws Exception {
        // SecurityHeadersFilter writes the headers first; Spring Security's own would say DENY to frames
        http.headers(headers -> headers.frameOptions(frame -> frame.disable()));
        // an error page (a 401 or 404 rendered at /error) is shown to anyone, never a sign-in redirect
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/error").permitAll());
        http.addFilterBefore(new SessionLifetimeFilter(clock, properties.sessionMaxLifetime()),
                SecurityContextHolderFilter.class);
        // Every Vaadin page request reaches the router: its navigation access control sends a visitor
        // without the rights to the sign-in view, and an unknown route answers 404 instead of a
        // sign-in redirect. Nothing else is served by this chain (the actuator has its own).
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("/" + SecurityPaths.LOGIN)
                .anyRequest(any -> any.permitAll())).build();
    }
}
