package org.adversarialarena.competition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an instructor decides when hosting: the rules shown to participants, who may enter (a private
 * competition needs its join code), when, the phases, the caps, the freeze before the end, the board's
 * anonymity, the attack track's target, challenge set size, seed and budget, and the entry rules (final
 * picks, teams). {@code defensesAttacked}: a two-phase attack/defense contest, whose defenses are
 * trained in the first phase and attacked from the second on.
 */
public record CompetitionSettings(String title, String description, boolean privateEntry, Instant startsAt,
        Instant endsAt, List<CompetitionPhase> phases, int dailyCap, int totalCap, Duration freeze,
        boolean anonymousBoard, String modelName, int imageCount, long seed, AttackBudget budget,
        boolean defensesAttacked, EntryRules entry) {

    public static final int MAX_TITLE_LENGTH = 120;
    public static final int MAX_DESCRIPTION_LENGTH = 10_000;
    public static final int DEFAULT_IMAGE_COUNT = 100;
    public static final int MAX_IMAGE_COUNT = 1000;
    private static final int ATTACK_PHASE = 1;

    public CompetitionSettings {
        phases = List.copyOf(phases);
    }

    /** Individuals, no final picks, and defenses (if any) not attacked by the attack track. */
    public CompetitionSettings(String title, String description, boolean privateEntry, Instant startsAt, Instant endsAt,
            List<CompetitionPhase> phases, int dailyCap, int totalCap, Duration freeze, boolean anonymousBoard,
            String modelName, int imageCount, long seed, AttackBudget budget) {
        this(title, description, privateEntry, startsAt, endsAt, phases, dailyCap, totalCap, freeze, anonymousBoard,
                modelName, imageCount, seed, budget, false, EntryRules.INDIVIDUALS);
    }

    /** Individuals and no final picks: each one's best by public score goes to the private board. */
    public CompetitionSettings(String title, String description, boolean privateEntry, Instant startsAt, Instant endsAt,
            List<CompetitionPhase> phases, int dailyCap, int totalCap, Duration freeze, boolean anonymousBoard,
            String modelName, int imageCount, long seed, AttackBudget budget, boolean defensesAttacked) {
        this(title, description, privateEntry, startsAt, endsAt, phases, dailyCap, totalCap, freeze, anonymousBoard,
                modelName, imageCount, seed, budget, defensesAttacked, EntryRules.INDIVIDUALS);
    }

    /** Defenses (if any) not attacked by the attack track. */
    public CompetitionSettings(String title, String description, boolean privateEntry, Instant startsAt, Instant endsAt,
            List<CompetitionPhase> phases, int dailyCap, int totalCap, Duration freeze, boolean anonymousBoard,
            String modelName, int imageCount, long seed, AttackBudget budget, EntryRules entry) {
        this(title, description, privateEntry, startsAt, endsAt, phases, dailyCap, totalCap, freeze, anonymousBoard,
                modelName, imageCount, seed, budget, false, entry);
    }

    /** The same contest under other entry rules; whether its defenses are attacked is kept. */
    public CompetitionSettings withEntry(EntryRules rules) {
        return new CompetitionSettings(title, description, privateEntry, startsAt, endsAt, phases, dailyCap, totalCap,
                freeze, anonymousBoard, modelName, imageCount, seed, budget, defensesAttacked, rules);
    }

    /** Refuses settings that cannot make a fair contest, naming the first problem. */
    void requireValid() {
        if (title.isBlank() || title.length() > MAX_TITLE_LENGTH) {
            throw CompetitionRefusedException.invalid("competition.refused.title", "A title of 1 to 120 characters is needed");
        }
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            throw CompetitionRefusedException.invalid("competition.refused.description", "The rules are too long");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw CompetitionRefusedException.invalid("competition.refused.dates", "The end must come after the start");
        }
        if (dailyCap < 1 || totalCap < dailyCap) {
            throw CompetitionRefusedException.invalid("competition.refused.caps",
                    "The daily cap is at least 1 and the total cap at least the daily cap");
        }
        if (freeze.isNegative() || freeze.compareTo(Duration.between(startsAt, endsAt)) >= 0) {
            throw CompetitionRefusedException.invalid("competition.refused.freeze",
                    "The board freezes for less than the competition lasts");
        }
        if (imageCount < 2 || imageCount > MAX_IMAGE_COUNT || imageCount % 2 != 0) {
            throw CompetitionRefusedException.invalid("competition.refused.images",
                    "The challenge set has an even number of images from 2 to 1000");
        }
        if (phases.isEmpty() || !phases.getFirst().startsAt().equals(startsAt)) {
            throw CompetitionRefusedException.invalid("competition.refused.phases",
                    "The first phase starts with the competition");
        }
        if (defensesAttacked && (phases.size() < 2 || budget.norm() != BudgetNorm.LINF)) {
            throw CompetitionRefusedException.invalid("competition.refused.defenses-attacked",
                    "Attacking the defenses needs two phases and an L∞ budget");
        }
        entry.requireValid();
        for (int i = 0; i < phases.size(); i++) {
            CompetitionPhase phase = phases.get(i);
            if (phase.name().isBlank() || phase.name().length() > CompetitionPhase.MAX_NAME_LENGTH) {
                throw CompetitionRefusedException.invalid("competition.refused.phases", "Every phase needs a name");
            }
            if (i > 0 && (!phase.startsAt().isAfter(phases.get(i - 1).startsAt()) || !phase.startsAt().isBefore(endsAt))) {
                throw CompetitionRefusedException.invalid("competition.refused.phases",
                        "Phases start one after another, before the end");
            }
        }
    }

    /** The attack phase, in which the final defenses are targets: the second phase of a contest whose defenses are attacked. */
    public Optional<Integer> attackPhase() {
        return defensesAttacked ? Optional.of(ATTACK_PHASE) : Optional.empty();
    }

    /**
     * When the final defenses are fixed (and their hashes committed): the start of the attack phase, or
     * the end of a contest whose defenses are not attacked. Only defenses judged before it count.
     */
    public Instant defensesFixedAt() {
        return defensesAttacked ? phases.get(ATTACK_PHASE).startsAt() : endsAt;
    }

    /** Whether the final defenses' weights are released: a white-box phase from the attack phase on has begun. */
    public boolean weightsReleased(Instant now) {
        if (!defensesAttacked) {
            return false;
        }
        for (int i = ATTACK_PHASE; i < phases.size(); i++) {
            if (phases.get(i).whiteBox() && !now.isBefore(phases.get(i).startsAt())) {
                return true;
            }
        }
        return false;
    }

    /** The phase under way at {@code now}, if the competition is running. */
    public Optional<Integer> phaseAt(Instant now) {
        if (now.isBefore(startsAt) || !now.isBefore(endsAt)) {
            return Optional.empty();
        }
        int current = 0;
        for (int i = 1; i < phases.size(); i++) {
            if (!now.isBefore(phases.get(i).startsAt())) {
                current = i;
            }
        }
        return Optional.of(current);
    }

    /** From this moment on, the board shows others only what was submitted before it. */
    public Instant freezesAt() {
        return endsAt.minus(freeze);
    }

    public boolean isOver(Instant now) {
        return !now.isBefore(endsAt);
    }
}
