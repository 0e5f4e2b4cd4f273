package org.adversarialarena.workshop;

import org.adversarialarena.fool.FoolLevel;
import org.adversarialarena.ml.data.DatasetId;

/**
 * One round of a plan: a Fool level on a dataset, every student on the same image or each on their
 * own, a time limit, and whether its points count towards the workshop's ranking.
 */
public record RoundSettings(FoolLevel level, DatasetId dataset, boolean sameImage, int timeLimitSeconds,
        boolean points) {

    public static final int MIN_SECONDS = 10;
    public static final int MAX_SECONDS = 3600;

    public RoundSettings {
        if (timeLimitSeconds < MIN_SECONDS || timeLimitSeconds > MAX_SECONDS) {
            throw new WorkshopRefusedException("workshop.refused.time-limit", "A round lasts " + MIN_SECONDS + " to "
                    + MAX_SECONDS + " s, was " + timeLimitSeconds, MIN_SECONDS, MAX_SECONDS);
        }
    }

    public static RoundSettings standard() {
        return new RoundSettings(FoolLevel.FEW_PIXELS, DatasetId.MNIST, true, 120, true);
    }
}
