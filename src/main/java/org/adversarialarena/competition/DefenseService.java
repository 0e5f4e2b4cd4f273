package org.adversarialarena.competition;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.adversarialarena.audit.AuditType;
import org.adversarialarena.base.live.LivePublisher;
import org.adversarialarena.catalog.ModelCatalog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The defense track: an entrant submits a training recipe, which is checked against the quota and
 * queued for the {@code competition-defense} job; they follow its progress and may cancel it; the
 * defense boards rank each entrant's best judged defense by robust accuracy on the public half (live)
 * and their final defense on the private half (at the end); the final defenses' weights are released
 * in a white-box phase.
 */
@Service
public class DefenseService {

    private final CompetitionStore competitions;
    private final DefenseStore defenses;
    private final DefenseQueue queue;
    private final DefenseQuota quota;
    private final ModelCatalog catalog;
    private final LivePublisher publisher;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final CompetitionAudit audit;

    DefenseService(CompetitionStore competitions, DefenseStore defenses, DefenseQueue queue, DefenseQuota quota,
            ModelCatalog catalog, LivePublisher publisher, TransactionTemplate transaction, Clock clock,
            CompetitionAudit audit) {
        this.audit = audit;
        this.competitions = competitions;
        this.defenses = defenses;
        this.queue = queue;
        this.quota = quota;
        this.catalog = catalog;
        this.publisher = publisher;
        this.transaction = transaction;
        this.clock = clock;
    }

    public DefenseQuota quota() {
        return quota;
    }

    /**
     * Checks the recipe and queues its training. Refused, storing nothing: a recipe outside the quota
     * or missing what its method needs, a competition whose budget is not L∞, outside the competition's
     * time or (when the defenses are attacked) from the attack phase on, a defense of the entrant still under way, no defenses left.
     */
    public Defense submit(long entrantId, DefenseRecipe asked) {
        Entrant entrant = competitions.entrant(entrantId).orElseThrow(CompetitionRefusedException::notFound);
        Competition competition = competitions.competition(entrant.competitionId())
                .orElseThrow(CompetitionRefusedException::notFound);
        CompetitionSettings settings = competition.settings();
        if (settings.budget().norm() != BudgetNorm.LINF) {
            throw CompetitionRefusedException.invalid("competition.defense.refused.norm",
                    "The defense track needs a competition with an L∞ budget");
        }
        asked.requireValid(quota);
        DefenseRecipe recipe = asked.normalised();
        int trainImages = catalog.dataset(competition.target().dataset()).train().size();
        Long id = transaction.execute(status -> {
            competitions.lockEntrant(entrantId);
            Instant now = clock.instant();
            requireOpen(settings, now);
            if (!now.isBefore(settings.defensesFixedAt())) {
                throw CompetitionRefusedException.notNow("competition.defense.refused.attack-phase",
                        "Defenses are trained before the attack phase", settings.defensesFixedAt());
            }
            if (defenses.active(entrantId) > 0) {
                throw CompetitionRefusedException.notNow("competition.defense.refused.busy",
                        "A defense of yours is still training");
            }
            if (defenses.counted(entrantId) >= quota.defensesPerEntrant()) {
                throw CompetitionRefusedException.notNow("competition.defense.refused.cap", "No defenses left",
                        quota.defensesPerEntrant());
            }
            long defense = defenses.insert(competition.id(), entrantId, recipe, quota.totalSteps(recipe, trainImages), now);
            queue.enqueue(defense);
            publisher.publish(CompetitionService.TOPIC, competition.id(), competitions.bumpVersion(competition.id()));
            return defense;
        });
        return defenses.find(id == null ? -1 : id).orElseThrow();
    }

    public List<Defense> defensesOf(long entrantId) {
        return defenses.ofEntrant(entrantId);
    }

    /** Stops one of the entrant's own defenses: at once if queued, before its next batch if training. */
    public void cancel(long entrantId, long defenseId) {
        Defense defense = defenses.find(defenseId).filter(d -> d.entrantId() == entrantId)
                .orElseThrow(CompetitionRefusedException::notFound);
        transaction.executeWithoutResult(status -> {
            if (defenses.requestCancel(defenseId, clock.instant())) {
                competitions.entrant(entrantId).ifPresent(entrant -> audit.byEntrant(AuditType.COMPETITION_DEFENSE_CANCELLED,
                        entrant, "defense " + defenseId));
                publisher.publish(CompetitionService.TOPIC, defense.competitionId(),
                        competitions.bumpVersion(defense.competitionId()));
            }
        });
    }

    /** The live public defense board as {@code viewing}'s viewer may see it (frozen, blind, anonymous as the attack board). */
    public DefenseBoard publicBoard(Viewing viewing) {
        return board(Boards.publicRanking(viewing.competition().settings(), defenses.scored(viewing.competition().id()),
                Boards.DEFENSES, Boards.viewerOf(viewing), viewing.now()), viewing);
    }

    /** Empty until the end; then each entrant's final defense ranked by its robust accuracy on the private half. */
    public DefenseBoard privateBoard(Viewing viewing) {
        CompetitionSettings settings = viewing.competition().settings();
        return board(Boards.privateRanking(settings, finalDefenses(viewing.competition()), Boards.DEFENSES,
                Boards.viewerOf(viewing), viewing.now()), viewing);
    }

    /** The rows of the public defense board. */
    public List<DefenseBoardRow> board(Viewing viewing) {
        return publicBoard(viewing).rows();
    }

    /**
     * The final defenses, once fixed (from the start of the attack phase, or the end): their hashes
     * are the entrants' commitments, their weights the attack phase's targets. Empty before.
     */
    public List<DefenseBoardRow> finalDefenses(Viewing viewing) {
        CompetitionSettings settings = viewing.competition().settings();
        if (viewing.now().isBefore(settings.defensesFixedAt())) {
            return List.of();
        }
        List<Defense> finals = finalDefenses(viewing.competition());
        List<Boards.Ranked<Defense>> rows = new ArrayList<>();
        for (int i = 0; i < finals.size(); i++) {
            Defense d = finals.get(i);
            boolean mine = viewing.entrant() != null && viewing.entrant().id() == d.entrantId();
            rows.add(new Boards.Ranked<>(i + 1, d, mine, !settings.anonymousBoard() || viewing.host() || mine));
        }
        return board(new Boards.Ranking<>(false, false, false, rows), viewing).rows();
    }

    /**
     * The stored weights of a final defense (DL4J's model file), for the competition's host and entrants
     * once a white-box phase has released them. Anything else looks missing, or is refused as not now.
     */
    public byte[] releasedWeights(Viewing viewing, long defenseId) {
        if (!viewing.host() && viewing.entrant() == null) {
            throw CompetitionRefusedException.notFound();
        }
        Defense defense = finalDefenses(viewing.competition()).stream().filter(d -> d.id() == defenseId).findFirst()
                .orElseThrow(CompetitionRefusedException::notFound);
        if (!viewing.competition().settings().weightsReleased(viewing.now())) {
            throw CompetitionRefusedException.notNow("competition.defense.refused.not-released",
                    "The defenses' weights are released in a white-box phase");
        }
        return defenses.weights(defense.id());
    }

    List<Defense> finalDefenses(Competition competition) {
        return FinalEntries.defenses(competition.settings(), defenses.scored(competition.id()));
    }

    private DefenseBoard board(Boards.Ranking<Defense> ranking, Viewing viewing) {
        Map<Long, String> names = new LinkedHashMap<>();
        List<DefenseBoardRow> rows = new ArrayList<>();
        for (Boards.Ranked<Defense> row : ranking.rows()) {
            Defense d = row.entry();
            String name = row.named() ? names.computeIfAbsent(d.entrantId(), entrant -> competitions.entrant(entrant)
                    .map(Entrant::nickname).orElse("?")) : null;
            rows.add(new DefenseBoardRow(row.rank(), d.entrantId(), name, row.you(), d.id(), d.recipe(),
                    Objects.requireNonNullElse(ranking.privateHalf() ? d.privateRobust() : d.publicRobust(), 0.0),
                    Objects.requireNonNullElse(d.cleanAccuracy(), 0.0),
                    Objects.requireNonNullElse(d.pgdAccuracy(), 0.0), Objects.requireNonNullElse(d.apgdAccuracy(), 0.0),
                    d.likelyMasking(quota.maskingGap()), Objects.requireNonNullElse(d.weightsSha256(), ""),
                    d.submittedAt()));
        }
        return new DefenseBoard(ranking.privateHalf(), ranking.frozen(), ranking.blind(), rows);
    }

    private static void requireOpen(CompetitionSettings settings, Instant now) {
        if (settings.phaseAt(now).isEmpty()) {
            throw now.isBefore(settings.startsAt())
                    ? CompetitionRefusedException.notNow("competition.refused.not-started",
                            "The competition has not started", settings.startsAt())
                    : CompetitionRefusedException.notNow("competition.refused.over", "The competition is over");
        }
    }
}
