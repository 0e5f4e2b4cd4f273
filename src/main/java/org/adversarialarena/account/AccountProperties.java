package org.adversarialarena.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How accounts behave (defaults and reasons in docs/security.md).
 *
 * @param publicUrl              the app's address as its users reach it, for the links it prints and
 *                               shows; never taken from a request's Host header. Empty: links are
 *                               printed as paths.
 * @param setupLinkValidity      how long the first-admin set-up link printed at start works
 * @param inviteValidity         how long an invitation link works
 * @param resetValidity          how long a password-reset link works
 * @param signInFailuresPerAccount failed sign-ins to one account per window before it is locked
 * @param signInFailuresPerAddress failed sign-ins from one address per window before it is locked
 * @param signInWindow           the window both counts are kept in (the lock lasts until it ends)
 * @param secondFactorFailures   wrong codes per account per window before the code step is locked
 * @param totpIssuer             the name authenticator apps show next to the account
 */
@ConfigurationProperties("arena.accounts")
public record AccountProperties(
        @DefaultValue("") String publicUrl,
        @DefaultValue("24h") Duration setupLinkValidity,
        @DefaultValue("7d") Duration inviteValidity,
        @DefaultValue("24h") Duration resetValidity,
        @DefaultValue("5") int signInFailuresPerAccount,
        @DefaultValue("20") int signInFailuresPerAddress,
        @DefaultValue("15m") Duration signInWindow,
        @DefaultValue("5") int secondFactorFailures,
        @DefaultValue("Adversarial Arena") String totpIssuer) {

    /** A link to a path of the app: absolute when the public address is known. */
    public String link(String pathAndQuery) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + "/" + pathAndQuery;
    }
}
