package org.adversarialarena.competition;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored submission as its owner and the boards see it (no images). Scores are null until scored.
 * {@code picked}: chosen by its competitor as a final submission; {@code teamId}/{@code teamName}: the
 * team of the entrant who made it (null for an individual), which is ranked and capped as one.
 */
public record Submission(long id, long competitionId, long entrantId, String nickname, Channel channel, int phase,
        SubmissionStatus status, @Nullable String failure, Instant submittedAt, @Nullable Instant evaluatedAt,
        @Nullable Double publicSuccess, @Nullable Double privateSuccess, @Nullable Double publicPerturbation,
        @Nullable Double privatePerturbation, boolean picked, @Nullable Long teamId, @Nullable String teamName) {

    /** An individual's submission, not picked. */
    public Submission(long id, long competitionId, long entrantId, String nickname, Channel channel, int phase,
            SubmissionStatus status, @Nullable String failure, Instant submittedAt, @Nullable Instant evaluatedAt,
            @Nullable Double publicSuccess, @Nullable Double privateSuccess, @Nullable Double publicPerturbation,
            @Nullable Double privatePerturbation) {
        this(id, competitionId, entrantId, nickname, channel, phase, status, failure, submittedAt, evaluatedAt,
                publicSuccess, privateSuccess, publicPerturbation, privatePerturbation, false, null, null);
    }

    /** Who is ranked and capped for it: the team, or the entrant alone. */
    public Competitor competitor() {
        return teamId == null ? Competitor.entrant(entrantId) : Competitor.team(teamId);
    }

    /** The name on the board: the team's, or the entrant's nickname. */
    public String competitorName() {
        return teamName == null ? nickname : teamName;
    }

    Submission withPicked(boolean value) {
        return new Submission(id, competitionId, entrantId, nickname, channel, phase, status, failure, submittedAt,
                evaluatedAt, publicSuccess, privateSuccess, publicPerturbation, privatePerturbation, value, teamId, teamName);
    }
}
