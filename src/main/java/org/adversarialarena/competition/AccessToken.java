package org.adversarialarena.competition;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A personal access token as its owner sees it in the browser: never the secret, which is shown once. */
public record AccessToken(long id, String name, Instant createdAt, Instant expiresAt, @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt) {

    public boolean usable(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
