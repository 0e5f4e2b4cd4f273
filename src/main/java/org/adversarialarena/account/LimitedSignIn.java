package org.adversarialarena.account;

import java.util.Locale;
import org.adversarialarena.audit.AuditLog;
import org.adversarialarena.audit.AuditType;
import org.adversarialarena.base.security.ClientAddress;
import org.adversarialarena.quota.RateLimit;
import org.adversarialarena.quota.RateLimiter;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password sign-in (the form and HTTP Basic for the actuator), counted: failures per account and per
 * address are limited in PostgreSQL, so a lock holds on every node; each attempt is audited. After a
 * right password, an account with a second factor gets only the right to enter its code.
 */
@Component
class LimitedSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final AccountService service;
    private final RateLimiter limiter;
    private final AuditLog audit;
    private final RateLimit perAccount;
    private final RateLimit perAddress;

    LimitedSignIn(PasswordEncoder encoder, AccountService service, RateLimiter limiter, AuditLog audit,
            AccountProperties properties) {
        this.passwords = new DaoAuthenticationProvider(service::signInDetails);
        this.passwords.setPasswordEncoder(encoder);
        this.service = service;
        this.limiter = limiter;
        this.audit = audit;
        this.perAccount = new RateLimit("sign-in-account", properties.signInFailuresPerAccount(),
                properties.signInWindow());
        this.perAddress = new RateLimit("sign-in-address", properties.signInFailuresPerAddress(),
                properties.signInWindow());
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String typed = attempt.getName().strip();
        String accountKey = typed.toLowerCase(Locale.ROOT);
        String address = address(attempt);
        if (!limiter.check(perAccount, accountKey).allowed()
                || (address != null && !limiter.check(perAddress, address).allowed())) {
            audit.record(AuditType.SIGN_IN_LOCKED, typed, typed, null, address);
            throw new LockedException("Too many failed sign-ins; try again later");
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
        } catch (AuthenticationException e) {
            limiter.hit(perAccount, accountKey);
            if (address != null) {
                limiter.hit(perAddress, address);
            }
            audit.record(AuditType.SIGN_IN_FAILED, typed, typed, e.getClass().getSimpleName(), address);
            throw e;
        }
        limiter.clear(perAccount, accountKey);
        String email = signedIn.getName();
        service.recordSignIn(email);
        return switch (service.stepAfterPassword(email)) {
            case SIGNED_IN -> {
                audit.record(AuditType.SIGN_IN, email, email, null, address);
                yield signedIn;
            }
            case CODE -> SignInRoles.withOnly(email, SignInRoles.CODE_PENDING);
            case SET_UP_TOTP -> SignInRoles.withOnly(email, SignInRoles.TOTP_SETUP);
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static @Nullable String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
                : ClientAddress.current();
    }
}
