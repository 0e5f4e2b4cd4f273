package org.adversarialarena.judge;

import java.util.Optional;

/**
 * What a player learns once their answer is stored: the truth about the image, who made it, and what
 * the detective (Forge's live discriminator) said about the same image, so a human's and a
 * machine's verdicts can be set side by side.
 *
 * @param generatorId    the generator's id; {@code real-test} for a real image, {@code warm-up} for a warm-up fake
 * @param generatorName  the generator's name, empty for real and warm-up images
 * @param detectiveReal  the detective's probability that the image is real
 * @param counted        whether the answer counts toward the generators (warm-up passed, not a warm-up image)
 * @param finished       the session's result, once this was its last image
 */
public record Reveal(long itemId, boolean real, boolean saidFake, boolean correct, String generatorId,
        String generatorName, int classIndex, double detectiveReal, long detectiveVersion, long answerMs,
        boolean counted, Optional<JudgeResult> finished) {

    /** Whether the detective, reading its probability at 0.5, would have answered as the player did. */
    public boolean detectiveAgrees() {
        return (detectiveReal < 0.5) == saidFake;
    }
}
