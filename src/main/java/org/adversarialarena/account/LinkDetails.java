package org.adversarialarena.account;

import org.jspecify.annotations.Nullable;

/** What a valid one-time link is for, and for which address (none for the first-admin set-up). */
public record LinkDetails(LinkPurpose purpose, @Nullable String email) {
}
