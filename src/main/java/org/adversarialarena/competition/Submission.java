package org.adversarialarena.competition;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stored submission as its owner and the boards see it (no images). Scores are null until scored. */
public record Submission(long id, long competitionId, long entrantId, String nickname, Channel channel, int phase,
        SubmissionStatus status, @Nullable String failure, Instant submittedAt, @Nullable Instant evaluatedAt,
        @Nullable Double publicSuccess, @Nullable Double privateSuccess, @Nullable Double publicPerturbation,
        @Nullable Double privatePerturbation) {
}
