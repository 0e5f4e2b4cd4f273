package org.adversarialarena.competition;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.adversarialarena.base.live.LivePublisher;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.ml.model.ClassifierId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The defense track: an entrant submits a training recipe, which is checked against the quota and
 * queued for the {@code competition-defense} job; they follow its progress and may cancel it; the
 * defense board ranks each entrant's best judged defense by robust accuracy.
 */
@Service
public class DefenseService {

    private static final Comparator<Defense> BEST = Comparator
            .comparing((Defense d) -> -Objects.requireNonNullElse(d.robustAccuracy(), 0.0))
            .thenComparing(d -> -Objects.requireNonNullElse(d.cleanAccuracy(), 0.0))
            .thenComparing(Defense::submittedAt).thenComparing(Defense::id);

    private final CompetitionStore competitions;
    private final DefenseStore defenses;
    private final DefenseQueue queue;
    private final DefenseQuota quota;
    private final ModelCatalog catalog;
    private final LivePublisher publisher;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DefenseService(CompetitionStore competitions, DefenseStore defenses, DefenseQueue queue, DefenseQuota quota,
            ModelCatalog catalog, LivePublisher publisher, TransactionTemplate transaction, Clock clock) {
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
     * time, a defense of the entrant still under way, no defenses left.
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
        int trainImages = catalog.dataset(ClassifierId.parse(settings.modelName(), CompetitionService.MODEL_VERSION)
                .dataset()).train().size();
        Long id = transaction.execute(status -> {
            competitions.lockEntrant(entrantId);
            Instant now = clock.instant();
            requireOpen(settings, now);
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
                publisher.publish(CompetitionService.TOPIC, defense.competitionId(),
                        competitions.bumpVersion(defense.competitionId()));
            }
        });
    }

    /**
     * The defense board as the viewer of {@code viewing} may see it: names hidden on an anonymous
     * board, only their own line in a blind phase, everything for the host.
     */
    public List<DefenseBoardRow> board(Viewing viewing) {
        CompetitionSettings settings = viewing.competition().settings();
        Map<Long, Defense> best = new LinkedHashMap<>();
        for (Defense defense : defenses.scored(viewing.competition().id())) {
            best.merge(defense.entrantId(), defense, (a, b) -> BEST.compare(a, b) <= 0 ? a : b);
        }
        List<Defense> ranked = new ArrayList<>(best.values());
        ranked.sort(BEST);
        Map<Long, String> names = new LinkedHashMap<>();
        Long you = viewing.entrant() == null ? null : viewing.entrant().id();
        boolean blind = !viewing.over() && !viewing.host() && viewing.phase() != null
                && settings.phases().get(viewing.phase()).blind();
        List<DefenseBoardRow> rows = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Defense d = ranked.get(i);
            boolean mine = you != null && you == d.entrantId();
            if (blind && !mine) {
                continue;
            }
            String name = settings.anonymousBoard() && !viewing.host() && !mine ? null
                    : names.computeIfAbsent(d.entrantId(), entrant -> competitions.entrant(entrant)
                            .map(Entrant::nickname).orElse("?"));
            rows.add(new DefenseBoardRow(i + 1, d.entrantId(), name, mine, d.id(), d.recipe(),
                    Objects.requireNonNullElse(d.robustAccuracy(), 0.0), Objects.requireNonNullElse(d.cleanAccuracy(), 0.0),
                    Objects.requireNonNullElse(d.pgdAccuracy(), 0.0), Objects.requireNonNullElse(d.apgdAccuracy(), 0.0),
                    d.likelyMasking(quota.maskingGap()), Objects.requireNonNullElse(d.weightsSha256(), ""),
                    d.submittedAt()));
        }
        return rows;
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
