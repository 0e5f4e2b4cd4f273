package org.adversarialarena.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session once it is older than its maximum lifetime, active or not: the servlet container
 * knows only the idle timeout, and a stolen session cookie must not work forever.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

    private final Clock clock;
    private final Duration maxLifetime;

    SessionLifetimeFilter(Clock clock, Duration maxLifetime) {
        this.clock = clock;
        this.maxLifetime = maxLifetime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && clock.millis() - session.getCreationTime() > maxLifetime.toMillis()) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
