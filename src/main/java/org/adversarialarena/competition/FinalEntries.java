package org.adversarialarena.competition;

import java.util.Comparator;
import java.util.List;

/**
 * What each competitor brings to the cross-evaluation and the private boards: their final attack and
 * their final defense. The final attack is chosen per competitor (a team, or an entrant alone) by
 * {@link Boards#finalChoices}: their best pick on the private half when the contest takes picks and
 * they made some, else (Kaggle's default) the attack best on the public half. Defenses count per
 * entrant: the final defense is each entrant's best on the public half, and only if it was judged
 * before the defenses are fixed ({@link CompetitionSettings#defensesFixedAt}): the start of the attack
 * phase, whose attacks it must face with the hash committed then.
 */
final class FinalEntries {

    private FinalEntries() {
    }

    /** Each competitor's final attack among {@code submissions}, in the order of their ids. */
    static List<Submission> attacks(CompetitionSettings settings, List<Submission> submissions) {
        return Boards.finalChoices(Boards.scored(submissions), settings.entry().finalPicks())
                .values().stream().sorted(Comparator.comparingLong(Submission::id)).toList();
    }

    /** Each entrant's final defense among {@code defenses}, in the order of their ids. */
    static List<Defense> defenses(CompetitionSettings settings, List<Defense> defenses) {
        List<Defense> judgedInTime = defenses.stream().filter(d -> d.status() == DefenseStatus.SCORED)
                .filter(d -> d.evaluatedAt() != null && d.evaluatedAt().isBefore(settings.defensesFixedAt()))
                .toList();
        return Boards.bestOfEach(judgedInTime, Boards.DEFENSES).values().stream()
                .sorted(Comparator.comparingLong(Defense::id)).toList();
    }
}
