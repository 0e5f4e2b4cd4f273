package org.adversarialarena.leaderboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.adversarialarena.round.Board;
import org.adversarialarena.round.RoundScored;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every board's ranking: each player's best score, best first (earlier wins a tie). It listens to the
 * games' {@link RoundScored} events inside the scoring transaction, so a score and its leaderboard
 * entry are stored together or not at all. A round without points is not ranked: throw-away players
 * would otherwise fill a board with nothing (and the queries pass over 0-point entries stored before).
 */
@Service
@Transactional(readOnly = true)
public class LeaderboardService {

    public static final int TOP = 20;

    private final LeaderboardEntryRepository entries;

    LeaderboardService(LeaderboardEntryRepository entries) {
        this.entries = entries;
    }

    @EventListener
    @Transactional
    void on(RoundScored scored) {
        if (!(scored.points() > 0)) {
            return;
        }
        Board board = scored.board();
        entries.keepBest(board.game().name(), board.dataset(), board.variant(), scored.playerId(), scored.roundId(),
                scored.points(), scored.at());
    }

    /** The best {@code limit} players of a board, ranked. */
    public List<Standing> top(Board board, int limit) {
        List<LeaderboardEntry> ranking = entries.ranking(board.game(), board.dataset(), board.variant(), Limit.of(limit));
        List<Standing> standings = new ArrayList<>(ranking.size());
        for (int i = 0; i < ranking.size(); i++) {
            standings.add(standing(i + 1, ranking.get(i)));
        }
        return standings;
    }

    public List<Standing> top(Board board) {
        return top(board, TOP);
    }

    /** A player's best on a board, with their current place. */
    public Optional<Standing> personalBest(Board board, long playerId) {
        return Optional.ofNullable(places(board, Set.of(playerId)).get(playerId));
    }

    /**
     * The board's top and the places of {@code viewers}: the top in one query, and the viewers outside it
     * in one more (none if all of them are in it).
     */
    public BoardRanking ranking(Board board, Collection<Long> viewers) {
        List<Standing> top = top(board);
        Set<Long> outside = new HashSet<>(viewers);
        top.forEach(standing -> outside.remove(standing.playerId()));
        return new BoardRanking(top, Set.copyOf(viewers), outside.isEmpty() ? Map.of() : places(board, outside));
    }

    private Map<Long, Standing> places(Board board, Collection<Long> playerIds) {
        Map<Long, Standing> places = new HashMap<>();
        List<Object[]> rows = playerIds.size() == 1
                ? entries.place(board.game(), board.dataset(), board.variant(), playerIds.iterator().next())
                : entries.places(board.game(), board.dataset(), board.variant(), playerIds);
        for (Object[] row : rows) {
            Standing standing = standing(1 + ((Number) row[1]).intValue(), (LeaderboardEntry) row[0]);
            places.put(standing.playerId(), standing);
        }
        return places;
    }

    /** Every board that has at least one score, most recently active first. */
    public List<BoardSummary> boards() {
        return entries.summaries();
    }

    private static Standing standing(int rank, LeaderboardEntry entry) {
        Long playerId = entry.player().getId();
        return new Standing(rank, playerId == null ? -1 : playerId, entry.player().getNickname(), entry.points(),
                entry.roundId(), entry.achievedAt());
    }
}
