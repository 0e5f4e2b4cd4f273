package org.adversarialarena.workshop;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A run as every screen shows it, reloaded from PostgreSQL after each change: its phase, the current
 * round and its deadline (null while paused: then {@code remaining} is left), the seats, and which
 * seats submitted in the current round. Screens pick what they may show: a student's never shows
 * another student's id.
 */
public record RunState(long id, long ownerId, String name, String code, boolean lateJoin, LeaderboardShown leaderboard,
        boolean askStudentId, Phase phase, int roundIndex, List<RoundSettings> rounds, @Nullable Instant deadline,
        Duration remaining, long version, List<SeatState> seats, Set<Long> submitted, boolean published, Teams teams) {

    public RunState {
        rounds = List.copyOf(rounds);
        seats = List.copyOf(seats);
        submitted = Set.copyOf(submitted);
    }

    public Optional<RoundSettings> currentRound() {
        return roundIndex >= 0 && roundIndex < rounds.size() ? Optional.of(rounds.get(roundIndex)) : Optional.empty();
    }

    /** 1-based, as the class reads it. */
    public int roundNumber() {
        return roundIndex + 1;
    }

    public boolean lastRound() {
        return roundIndex >= rounds.size() - 1;
    }

    public List<SeatState> activeSeats() {
        return seats.stream().filter(SeatState::active).toList();
    }

    public Optional<SeatState> seat(long seatId) {
        return seats.stream().filter(seat -> seat.id() == seatId).findFirst();
    }

    /** Active seats that have submitted in the current round. */
    public long submittedCount() {
        return activeSeats().stream().filter(seat -> submitted.contains(seat.id())).count();
    }

    public boolean hasSubmitted(long seatId) {
        return submitted.contains(seatId);
    }

    /** Time left in the current round at {@code now}. */
    public Duration timeLeft(Instant now) {
        Instant end = deadline;
        if (end == null) {
            return phase == Phase.PAUSED ? remaining : Duration.ZERO;
        }
        Duration left = Duration.between(now, end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Active seats by points, best first; a tie goes to whoever joined first. Ranks are shared on equal points. */
    public List<Placing> standings() {
        List<SeatState> ranked = new ArrayList<>(activeSeats());
        ranked.sort(Comparator.comparingDouble(SeatState::points).reversed().thenComparing(SeatState::joined));
        List<Placing> standings = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            SeatState seat = ranked.get(i);
            int rank = i > 0 && ranked.get(i - 1).points() == seat.points() ? standings.get(i - 1).rank() : i + 1;
            standings.add(new Placing(rank, seat.id(), seat.nickname(), seat.points()));
        }
        return standings;
    }

    /**
     * The teams by the mean points of their members in the room, best first; ranks are shared on equal
     * means, and a tie is listed by team number. Empty in a workshop without teams.
     */
    public List<TeamPlacing> teamStandings() {
        Map<Integer, List<SeatState>> byTeam = new TreeMap<>();
        for (SeatState seat : activeSeats()) {
            Integer team = seat.team();
            if (team != null) {
                byTeam.computeIfAbsent(team, key -> new ArrayList<>()).add(seat);
            }
        }
        List<TeamPlacing> teams = new ArrayList<>();
        byTeam.forEach((team, members) -> teams.add(new TeamPlacing(0, team,
                members.stream().map(SeatState::nickname).toList(),
                members.stream().mapToDouble(SeatState::points).average().orElse(0))));
        teams.sort(Comparator.comparingDouble(TeamPlacing::points).reversed().thenComparingInt(TeamPlacing::team));
        List<TeamPlacing> ranked = new ArrayList<>(teams.size());
        for (int i = 0; i < teams.size(); i++) {
            TeamPlacing team = teams.get(i);
            int rank = i > 0 && teams.get(i - 1).points() == team.points() ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new TeamPlacing(rank, team.team(), team.members(), team.points()));
        }
        return ranked;
    }

    public List<Placing> top(int count) {
        List<Placing> all = standings();
        return all.subList(0, Math.min(count, all.size()));
    }
}
