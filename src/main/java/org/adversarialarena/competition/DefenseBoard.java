package org.adversarialarena.competition;

import java.util.List;

/**
 * The defense board as one viewer may see it now; the flags mean what they mean on {@link Board}:
 * {@code privateHalf} ranks the final defenses on the private half (only once the competition is over).
 */
public record DefenseBoard(boolean privateHalf, boolean frozen, boolean blind, List<DefenseBoardRow> rows) {

    public DefenseBoard {
        rows = List.copyOf(rows);
    }
}
