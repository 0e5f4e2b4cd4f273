package org.adversarialarena.player;

import org.adversarialarena.base.security.SecretToken;
import org.jspecify.annotations.Nullable;

/**
 * The secret a browser keeps so its player is recognised on the next visit without an account.
 * Only the token's SHA-256 hash reaches the database.
 */
final class ResumeToken {

    private ResumeToken() {
    }

    static String create() {
        return SecretToken.create();
    }

    static boolean isWellFormed(@Nullable String token) {
        return SecretToken.isWellFormed(token);
    }

    static String hash(String token) {
        return SecretToken.hash(token);
    }
}
