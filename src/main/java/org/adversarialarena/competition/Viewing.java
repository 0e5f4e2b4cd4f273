package org.adversarialarena.competition;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A competition as one person sees it now: the rules, the phase, whether they host it or have
 * entered it (and as whom they compete: their team, or themselves), their allowance and history (their
 * team's), and both boards as they may see them. Vaadin-free: the page renders it, a browserless test
 * reads it, the API returns parts of it.
 */
public record Viewing(Competition competition, @Nullable Integer phase, boolean over, boolean host,
        @Nullable Entrant entrant, @Nullable Competitor competitor, @Nullable Allowance allowance,
        List<Submission> mine, Board publicBoard, Board privateBoard, int entrants, Instant now) {

    public Viewing {
        mine = List.copyOf(mine);
    }

    public boolean open() {
        return phase != null;
    }
}
