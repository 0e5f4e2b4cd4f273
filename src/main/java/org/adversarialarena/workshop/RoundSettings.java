package org.adversarialarena.workshop;

import org.adversarialarena.fool.FoolLevel;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.round.Game;

/**
 * One round of a plan: a Fool level on a dataset, every student on the same image or each on their
 * own; or a Forge prompt, the class of the dataset every student forges against the run's class
 * detective. Either way a time limit, and whether its points count towards the workshop's ranking.
 * A Forge round keeps the standard level in {@code level} (it has none; the database stores none) and
 * no shared image; a Fool round has {@code forgeClass} -1.
 */
public record RoundSettings(Game game, FoolLevel level, DatasetId dataset, boolean sameImage, int timeLimitSeconds,
        boolean points, int forgeClass) {

    public static final int MIN_SECONDS = 10;
    public static final int MAX_SECONDS = 3600;

    public RoundSettings {
        if (timeLimitSeconds < MIN_SECONDS || timeLimitSeconds > MAX_SECONDS) {
            throw new WorkshopRefusedException("workshop.refused.time-limit", "A round lasts " + MIN_SECONDS + " to "
                    + MAX_SECONDS + " s, was " + timeLimitSeconds, MIN_SECONDS, MAX_SECONDS);
        }
        if (game == Game.FORGE) {
            if (forgeClass < 0 || forgeClass >= dataset.classCount()) {
                throw new WorkshopRefusedException("workshop.refused.forge-class", "There is no class " + forgeClass
                        + " to forge in " + dataset.slug(), dataset.classCount() - 1);
            }
            level = FoolLevel.FEW_PIXELS;
            sameImage = false;
        } else if (game == Game.FOOL) {
            forgeClass = -1;
        } else {
            throw new WorkshopRefusedException("workshop.refused.game", "A workshop round is Fool or Forge, was " + game);
        }
    }

    /** A Fool round. */
    public RoundSettings(FoolLevel level, DatasetId dataset, boolean sameImage, int timeLimitSeconds, boolean points) {
        this(Game.FOOL, level, dataset, sameImage, timeLimitSeconds, points, -1);
    }

    /** A Forge round: every student forges {@code forgeClass} of {@code dataset}. */
    public static RoundSettings forge(DatasetId dataset, int forgeClass, int timeLimitSeconds, boolean points) {
        return new RoundSettings(Game.FORGE, FoolLevel.FEW_PIXELS, dataset, false, timeLimitSeconds, points, forgeClass);
    }

    public static RoundSettings standard() {
        return new RoundSettings(FoolLevel.FEW_PIXELS, DatasetId.MNIST, true, 120, true);
    }

    public boolean isForge() {
        return game == Game.FORGE;
    }
}
