package org.adversarialarena.ml.defense;

import java.util.ArrayList;
import java.util.List;
import org.adversarialarena.ml.attack.BrushStrokeSearch;
import org.adversarialarena.ml.attack.BrushStrokeSearch.BrushStyle;

/**
 * Stand-ins for Fool players, for teaching the Sentinel detector what hand edits look like: each is a
 * {@link BrushStrokeSearch} with its own brush habits (fine lines, blotches, dabs, erasing the digit,
 * inking the background). The first players are for training and the rest are held out, so detection
 * of hand edits is measured on players the detector has never seen, as it will meet new students.
 */
public final class SimulatedPlayers {

    /** Model answers each player may ask for per image: a patient player's session with the live probe. */
    public static final int QUERIES = 200;

    private static final List<BrushStyle> TRAINING = List.of(
            new BrushStyle(1.5f, 1.0f, 0.3f, 2, 6, 2.5f, 0.7f, 8),
            new BrushStyle(2.5f, 1.0f, 0.5f, 1, 2, 1.0f, 0.8f, 6),
            new BrushStyle(1.0f, 0.6f, 0.2f, 3, 8, 2.0f, 0.5f, 10),
            new BrushStyle(3.5f, 0.8f, 0.6f, 1, 3, 1.5f, 0.9f, 4),
            new BrushStyle(0.5f, 1.0f, 0.1f, 4, 10, 3.0f, 0.4f, 12),
            new BrushStyle(2.0f, 0.5f, 0.5f, 2, 4, 2.0f, 0.6f, 8));

    private static final List<BrushStyle> HELD_OUT = List.of(
            new BrushStyle(2.0f, 1.0f, 0.5f, 1, 1, 1.0f, 0.8f, 20),
            new BrushStyle(3.0f, 1.0f, 0.4f, 2, 5, 3.0f, 0.7f, 5),
            new BrushStyle(1.0f, 0.8f, 0.0f, 3, 6, 2.5f, 0.3f, 10),
            new BrushStyle(2.0f, 0.7f, 0.8f, 2, 4, 2.0f, 0.9f, 6));

    private SimulatedPlayers() {
    }

    /** The players whose edits the detector trains on. */
    public static List<BrushStrokeSearch> training(float epsilon) {
        return players(TRAINING, epsilon, 1);
    }

    /** The players kept out of training, whose edits measure detection. */
    public static List<BrushStrokeSearch> heldOut(float epsilon) {
        return players(HELD_OUT, epsilon, 1 + TRAINING.size());
    }

    private static List<BrushStrokeSearch> players(List<BrushStyle> styles, float epsilon, long firstSeed) {
        List<BrushStrokeSearch> players = new ArrayList<>();
        for (int p = 0; p < styles.size(); p++) {
            players.add(new BrushStrokeSearch(epsilon, styles.get(p), QUERIES, firstSeed + p));
        }
        return players;
    }
}
