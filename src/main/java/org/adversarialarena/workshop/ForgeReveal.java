package org.adversarialarena.workshop;

import java.util.List;
import org.adversarialarena.forge.Forgery;
import org.jspecify.annotations.Nullable;

/**
 * What the class sees after a Forge round: the best forgeries (points, then the earliest) with their
 * nicknames, and how well the run's class detective catches the round's forgeries (calls them fake):
 * as it judged each at submission, and as it judges them all now, after it has trained on them.
 *
 * @param detectiveVersion the class detective's version that judged them again
 * @param lossCurve        the class detective's training loss per accepted step during the round and at its
 *                         close, oldest first; null while it is still training on the round
 */
public record ForgeReveal(List<Forgery> best, int forgeries, int caughtAtSubmission, int caughtNow,
        long detectiveVersion, @Nullable List<Double> lossCurve) {

    public ForgeReveal {
        best = List.copyOf(best);
        lossCurve = lossCurve == null ? null : List.copyOf(lossCurve);
    }

    /** Share of the round's forgeries the class detective called fake when they were submitted, in [0, 1]. */
    public double catchRateAtSubmission() {
        return forgeries == 0 ? 0 : (double) caughtAtSubmission / forgeries;
    }

    /** Share it calls fake now, having trained on them, in [0, 1]. */
    public double catchRateNow() {
        return forgeries == 0 ? 0 : (double) caughtNow / forgeries;
    }
}
