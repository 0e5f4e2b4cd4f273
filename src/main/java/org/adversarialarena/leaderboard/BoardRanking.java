package org.adversarialarena.leaderboard;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A board's top, and the places of the viewers it was loaded for: a node loads both at once for every
 * page that shows the board, so a viewer outside the top costs no query of their own.
 *
 * @param top    the best players, ranked
 * @param asked  the viewers whose places were looked up
 * @param places those of them who have a score here, by player id
 */
public record BoardRanking(List<Standing> top, Set<Long> asked, Map<Long, Standing> places) {

    public BoardRanking {
        top = List.copyOf(top);
        asked = Set.copyOf(asked);
        places = Map.copyOf(places);
    }

    /** Whether this ranking says where {@code playerId} stands (in the top, elsewhere, or nowhere). */
    public boolean knows(long playerId) {
        return asked.contains(playerId) || top.stream().anyMatch(standing -> standing.playerId() == playerId);
    }

    /** The player's best and place, if this ranking {@link #knows} it and they have a score here. */
    public Optional<Standing> placeOf(long playerId) {
        return top.stream().filter(standing -> standing.playerId() == playerId).findFirst()
                .or(() -> Optional.ofNullable(places.get(playerId)));
    }
}
