package org.adversarialarena.base.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hardened surface's settings (docs/security.md explains each).
 *
 * @param frameAncestors         the CSP {@code frame-ancestors} sources: who may embed the app in a
 *                               frame (the projector view on a course site, say)
 * @param sessionMaxLifetime     a session ends this long after it began, however active it is; the
 *                               idle timeout is {@code server.servlet.session.timeout}
 */
@ConfigurationProperties("arena.security")
public record SecurityProperties(
        @DefaultValue("'self'") String frameAncestors,
        @DefaultValue("12h") Duration sessionMaxLifetime) {

    public SecurityProperties {
        if (frameAncestors.isBlank() || frameAncestors.contains(";") || frameAncestors.contains(",")) {
            throw new IllegalArgumentException("arena.security.frame-ancestors must be CSP sources separated by spaces");
        }
    }

    /** X-Frame-Options knows no list of sites: where frame-ancestors names others, CSP alone decides. */
    boolean sameOriginFramesOnly() {
        return "'self'".equals(frameAncestors.strip());
    }

    /**
     * What the browser may load and run. Vaadin Flow needs inline and eval'd scripts (its bootstrap is
     * an inline script; {@code executeJs} builds functions) and inline styles; everything else comes
     * from this origin only, and no plug-in, no foreign form target and no foreign base URL.
     */
    String contentSecurityPolicy() {
        return "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors " + frameAncestors;
    }
}
