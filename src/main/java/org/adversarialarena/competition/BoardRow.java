package org.adversarialarena.competition;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An entrant's line on a board: their ranked submission's success rate and mean perturbation on the
 * board's half. {@code name} is null on an anonymous board for everyone but the viewer and the host.
 */
public record BoardRow(int rank, long entrantId, @Nullable String name, boolean you, long submissionId,
        double success, double perturbation, Instant submittedAt) {
}
