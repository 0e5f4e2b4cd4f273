package org.adversarialarena.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the admin's list and an account's own page show of an account: never its secrets. */
public record AccountSummary(long id, String email, String displayName, AccountRole role, AccountStatus status,
        boolean totpEnabled, Instant created, @Nullable Instant lastSignIn) {
}
