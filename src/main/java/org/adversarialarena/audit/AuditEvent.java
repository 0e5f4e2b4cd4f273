package org.adversarialarena.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log: who ({@code actor}, an e-mail or "system"), did what ({@code type}) to
 * whom or what ({@code subject}), from which address.
 */
public record AuditEvent(long id, Instant at, AuditType type, @Nullable String actor, @Nullable String subject,
        @Nullable String detail, @Nullable String address) {
}
