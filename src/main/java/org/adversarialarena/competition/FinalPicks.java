package org.adversarialarena.competition;

import java.time.Instant;

/**
 * The final-pick rules (Kaggle's final selection): when the host allows N picks, each competitor may
 * pick up to N of their submissions, and unpick them, until the end; a failed submission cannot be
 * picked. What the picks mean for the private board is {@link Boards#finalChoices}.
 */
final class FinalPicks {

    private FinalPicks() {
    }

    /** Refuses picking ({@code pick}) or unpicking the submission now, naming the rule it breaks. */
    static void requireAllowed(CompetitionSettings settings, Submission submission, boolean pick, int alreadyPicked,
            Instant now) {
        int allowed = settings.entry().finalPicks();
        if (allowed == 0) {
            throw CompetitionRefusedException.invalid("competition.refused.picks-off",
                    "This competition takes each one's best submission by public score");
        }
        if (settings.isOver(now)) {
            throw CompetitionRefusedException.notNow("competition.refused.over", "The competition is over");
        }
        if (pick && submission.status() == SubmissionStatus.FAILED) {
            throw CompetitionRefusedException.invalid("competition.refused.pick-failed", "A failed submission cannot be picked");
        }
        if (pick && !submission.picked() && alreadyPicked >= allowed) {
            throw CompetitionRefusedException.notNow("competition.refused.picks-full", "All final picks are used", allowed);
        }
    }
}
