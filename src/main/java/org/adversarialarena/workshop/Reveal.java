package org.adversarialarena.workshop;

import java.util.List;
import org.adversarialarena.fool.GalleryItem;
import org.jspecify.annotations.Nullable;

/**
 * What the class sees after a Fool round: how many fooled the model, the best three images with their
 * nicknames, and where the class changed pixels: the mean signed change over every submission
 * (red: ink added, blue: removed). On a same-image round, {@code original} is the image everyone had,
 * so the class's map can be laid next to the model's own gradient on it. After a Forge round, {@code best}
 * is empty and {@code forge} holds its reveal; {@code fooled} counts forgeries that fooled the class
 * detective and the classifier.
 */
public record Reveal(int roundIndex, RoundSettings round, int students, int submitted, int fooled,
        List<GalleryItem> best, float @Nullable [] classChange, float @Nullable [] original, int trueClass,
        int targetClass, @Nullable ForgeReveal forge) {

    /** Fooled the model, of the students in the room, in [0, 1]. */
    public double successRate() {
        return students == 0 ? 0 : (double) fooled / students;
    }
}
