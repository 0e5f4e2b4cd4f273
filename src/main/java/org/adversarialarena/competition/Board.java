package org.adversarialarena.competition;

import java.util.List;

/**
 * A board as one viewer may see it now. {@code frozen}: only submissions from before the freeze count;
 * {@code blind}: the viewer sees only their own line; {@code privateHalf}: ranked on the private half
 * (only once the competition is over).
 */
public record Board(boolean privateHalf, boolean frozen, boolean blind, List<BoardRow> rows) {

    public Board {
        rows = List.copyOf(rows);
    }
}
