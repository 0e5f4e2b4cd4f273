package org.adversarialarena.competition.forgetrack;

import java.util.List;
import org.adversarialarena.competition.ForgeTrack;
import org.jspecify.annotations.Nullable;

/**
 * A competition's Forge track as one person sees it now: the track, the viewer's own forgeries that
 * count so far (null for someone who has not entered), and, after the end, the board of each entrant's
 * best re-judged forgery (empty before; {@code judged}: the end's job has run). Vaadin-free.
 */
public record ForgeStanding(ForgeTrack track, @Nullable Long ownForgeries, boolean over, boolean judged,
        List<Row> rows) {

    public ForgeStanding {
        rows = List.copyOf(rows);
    }

    /** A line of the board; {@code name} is null when the board is anonymous to the viewer. */
    public record Row(int rank, @Nullable String name, boolean you, double score, float[] pixels) {
    }
}
