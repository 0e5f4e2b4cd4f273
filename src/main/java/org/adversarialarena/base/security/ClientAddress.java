package org.adversarialarena.base.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address of the client whose request is being handled. Behind a reverse proxy it is right only
 * when {@code server.forward-headers-strategy} is set (README, Configuration): otherwise every client
 * has the proxy's address and shares its rate limits.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static @Nullable String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
