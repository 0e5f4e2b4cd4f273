package org.adversarialarena.competition;

import org.adversarialarena.audit.AuditLog;
import org.adversarialarena.audit.AuditType;
import org.adversarialarena.base.security.ClientAddress;
import org.springframework.stereotype.Component;

/** What hosts and participants do to a competition, in the audit log (joining the caller's transaction). */
@Component
class CompetitionAudit {

    private final AuditLog audit;

    CompetitionAudit(AuditLog audit) {
        this.audit = audit;
    }

    /** The signed-in host hosted it; the phase schedule is in the line, since phases then change by the clock alone. */
    void hosted(long competitionId, CompetitionSettings settings) {
        StringBuilder detail = new StringBuilder().append('\'').append(settings.title()).append("', target ")
                .append(settings.modelName()).append(", ").append(settings.imageCount()).append(" images, ")
                .append(settings.privateEntry() ? "private" : "public").append(", ").append(settings.startsAt())
                .append(" to ").append(settings.endsAt());
        settings.phases().forEach(phase -> detail.append("; ").append(phase.name()).append(" from ").append(phase.startsAt()));
        audit.record(AuditType.COMPETITION_HOSTED, subject(competitionId), detail.toString());
    }

    /** The signed-in host (or an admin) took every submission and score out of the app as CSV. */
    void exported(long competitionId) {
        audit.record(AuditType.COMPETITION_EXPORT, subject(competitionId), null);
    }

    /** An entrant's action: players have no account, so the actor is the player, with the nickname they entered under. */
    void byEntrant(AuditType type, Entrant entrant, String detail) {
        audit.record(type, "player " + entrant.playerId() + " (" + entrant.nickname() + ")", subject(entrant.competitionId()),
                detail, ClientAddress.current());
    }

    private static String subject(long competitionId) {
        return "competition " + competitionId;
    }
}
