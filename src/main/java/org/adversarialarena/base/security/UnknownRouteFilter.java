package org.adversarialarena.base.security;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a page request for a route that does not exist answer 404, as crawlers and scanners expect:
 * Vaadin answers every page request with its bootstrap page and 200, and shows "not found" only
 * inside it. The visitor still sees Vaadin's not-found page; only the status changes.
 */
class UnknownRouteFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !"GET".equals(request.getMethod()) || request.getParameter("v-r") != null
                || path.startsWith("/VAADIN/") || path.startsWith("/actuator") || path.startsWith("/error")
                || path.startsWith("/api/") || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui")
                || last.contains(".");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String route = request.getRequestURI().substring(request.getContextPath().length()).replaceFirst("^/+", "");
        ApplicationRouteRegistry routes = ApplicationRouteRegistry.getInstance(
                new VaadinServletContext(request.getServletContext()));
        if (routes.getNavigationRouteTarget(route).hasTarget()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int status) {
                super.setStatus(status == SC_OK ? SC_NOT_FOUND : status);
            }
        });
    }
}
