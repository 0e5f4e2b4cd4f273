package org.adversarialarena.competition;

import org.adversarialarena.ml.data.DatasetId;

/**
 * A competition's Forge track: entrants forge {@code prompt} of {@code dataset} in the Forge game during
 * the contest; at the end each one's forgeries are judged again by the detective that has learned from
 * everybody, and their best counts (docs/competitions.md, "Forge track").
 */
public record ForgeTrack(DatasetId dataset, int prompt) {

    /** Refuses a prompt the dataset does not have. */
    public void requireValid() {
        if (prompt < 0 || prompt >= dataset.classCount()) {
            throw CompetitionRefusedException.invalid("competition.refused.forge",
                    "The prompt is one of the dataset's classes");
        }
    }
}
