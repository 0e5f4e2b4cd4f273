package org.adversarialarena.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets the security headers on every response before anything else runs. Spring Security's header
 * writer adds its headers when the response is committed, and Vaadin's page responses were seen
 * leaving with none of them (SecuritySurfaceIT): set first, they cannot be missed. Spring Security
 * adds a header only where none is set, so nothing is written twice.
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

    private static final String HSTS = "max-age=31536000";

    private final SecurityProperties properties;

    SecurityHeadersFilter(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", properties.contentSecurityPolicy());
        if (properties.sameOriginFramesOnly()) {
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
        }
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
    }
}
