package org.adversarialarena.competition;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.adversarialarena.base.live.LivePublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Teams, where the host allows them (max size above 1): an entrant creates a team and shares its
 * invite code; another joins with the code (an entrant who is in a team brings the whole team: a merge);
 * a member who has not submitted may leave. The rules are {@link TeamRules}; each change is checked and
 * made under the rows' locks in one transaction, and announced on the competition's live topic. The
 * caps, final picks and boards then count the team as one ({@link CompetitionStore#MEMBERS}).
 */
@Service
public class TeamService {

    private final CompetitionService competitions;
    private final CompetitionStore store;
    private final TeamStore teams;
    private final LivePublisher publisher;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TeamService(CompetitionService competitions, CompetitionStore store, TeamStore teams, LivePublisher publisher,
            TransactionTemplate transaction, Clock clock) {
        this.competitions = competitions;
        this.store = store;
        this.teams = teams;
        this.publisher = publisher;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Optional<Team> teamOf(long entrantId) {
        return teams.teamIdOf(entrantId).flatMap(teams::team);
    }

    /** A new team with the entrant as its first member. */
    public Team create(long entrantId, String name) {
        Entrant entrant = competitions.entrant(entrantId);
        CompetitionSettings settings = competitions.settings(entrant.competitionId());
        String label = name.strip();
        if (label.isEmpty() || label.length() > Team.MAX_NAME_LENGTH) {
            throw CompetitionRefusedException.invalid("competition.refused.team-name", "A team name of 1 to 40 characters",
                    Team.MAX_NAME_LENGTH);
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = CompetitionService.joinCode();
            try {
                Long id = transaction.execute(status -> {
                    teams.lock(entrantId, List.of());
                    TeamRules.requireCanCreate(settings, teams.teamIdOf(entrantId).isPresent(), clock.instant());
                    if (teams.byCode(entrant.competitionId(), code).isPresent()) {
                        throw new DuplicateKeyException("invite code");
                    }
                    long team = insert(entrant.competitionId(), label, code);
                    teams.join(entrantId, team);
                    announce(entrant.competitionId());
                    return team;
                });
                return teams.team(id == null ? -1 : id).orElseThrow();
            } catch (DuplicateKeyException e) {
                // another team holds the code (a name taken is refused in insert): draw again
            }
        }
        throw new IllegalStateException("No free invite code after 20 draws");
    }

    /**
     * Joins the team the invite code names: the entrant alone, or, if they are in a team, their whole team
     * (a merge). Refused, changing nothing, by the rules of {@link TeamRules#requireCanMerge}.
     */
    public Team join(long entrantId, String code) {
        Entrant entrant = competitions.entrant(entrantId);
        CompetitionSettings settings = competitions.settings(entrant.competitionId());
        TeamRules.requireTeams(settings);
        long target = teams.byCode(entrant.competitionId(), code.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> CompetitionRefusedException.invalid("competition.refused.team-code",
                        "No team of this competition has this invite code"));
        transaction.executeWithoutResult(status -> {
            Optional<Long> current = teams.teamIdOf(entrantId);
            List<Long> locked = new ArrayList<>(List.of(target));
            current.filter(team -> team != target).ifPresent(locked::add);
            teams.lock(entrantId, locked);
            current = teams.teamIdOf(entrantId);
            if (current.isPresent() && current.get() == target) {
                throw CompetitionRefusedException.notNow("competition.refused.team-already", "You are in a team already");
            }
            Instant now = clock.instant();
            long teamMember = anyMember(target);
            TeamRules.Side joining = new TeamRules.Side(current.map(teams::memberCount).orElse(1),
                    store.countedTimes(entrantId).size(), store.pickedCount(entrantId));
            TeamRules.Side team = new TeamRules.Side(teams.memberCount(target), store.countedTimes(teamMember).size(),
                    store.pickedCount(teamMember));
            TeamRules.requireCanMerge(settings, joining, team, now);
            if (current.isPresent()) {
                teams.merge(current.get(), target);
            } else {
                teams.join(entrantId, target);
            }
            announce(entrant.competitionId());
        });
        return teams.team(target).orElseThrow();
    }

    /** Leaves the team, if the entrant has not submitted; an empty team is gone. */
    public void leave(long entrantId) {
        Entrant entrant = competitions.entrant(entrantId);
        CompetitionSettings settings = competitions.settings(entrant.competitionId());
        transaction.executeWithoutResult(status -> {
            Optional<Long> team = teams.teamIdOf(entrantId);
            teams.lock(entrantId, team.map(List::of).orElse(List.of()));
            TeamRules.requireCanLeave(settings, team.isPresent(), teams.ownSubmissions(entrantId), clock.instant());
            teams.leave(entrantId, team.orElseThrow());
            announce(entrant.competitionId());
        });
    }

    private long insert(long competitionId, String name, String code) {
        if (teamNamed(competitionId, name)) {
            throw CompetitionRefusedException.notNow("competition.refused.team-name-taken", "A team has this name already");
        }
        return teams.insert(competitionId, name, code, clock.instant());
    }

    private boolean teamNamed(long competitionId, String name) {
        return teams.named(competitionId, name);
    }

    private long anyMember(long teamId) {
        return teams.members(teamId).getFirst();
    }

    private void announce(long competitionId) {
        publisher.publish(CompetitionService.TOPIC, competitionId, store.bumpVersion(competitionId));
    }
}
