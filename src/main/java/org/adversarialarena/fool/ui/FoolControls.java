package org.adversarialarena.fool.ui;

import org.adversarialarena.fool.FoolLevel;

/**
 * What the Fool page's buttons may do now.
 *
 * @param play       submit, reset and give up: a round is open
 * @param hint       show or hide the saliency hint: a round is open on a level with open gradients
 * @param askHidden  ask the hidden model: a round is open on the hidden-model level and answers are left
 * @param hiddenLeft how many answers of the hidden model are left for this image
 * @param next       start another image: a player has joined and the level can be played
 */
record FoolControls(boolean play, boolean hint, boolean askHidden, int hiddenLeft, boolean next) {

    static FoolControls of(boolean roundOpen, FoolLevel level, int hiddenLeft, boolean canStart) {
        return new FoolControls(roundOpen, roundOpen && level.offersSaliencyHint(),
                roundOpen && level.hiddenModel() && hiddenLeft > 0, hiddenLeft, canStart);
    }
}
