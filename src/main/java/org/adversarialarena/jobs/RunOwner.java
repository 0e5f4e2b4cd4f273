package org.adversarialarena.jobs;

import org.jspecify.annotations.Nullable;

/**
 * Who started a run, as plain ids: the account (once accounts exist) or the browser player, or
 * neither for a run the system itself starts. Quotas count per owner.
 */
public record RunOwner(@Nullable Long accountId, @Nullable Long playerId) {

    public static RunOwner system() {
        return new RunOwner(null, null);
    }

    public static RunOwner player(long playerId) {
        return new RunOwner(null, playerId);
    }

    public static RunOwner account(long accountId) {
        return new RunOwner(accountId, null);
    }

    boolean isSystem() {
        return accountId == null && playerId == null;
    }
}
