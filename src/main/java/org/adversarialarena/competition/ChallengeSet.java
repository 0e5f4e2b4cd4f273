package org.adversarialarena.competition;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A competition's fixed challenge set: K test images the target classifies correctly (an image it
 * already gets wrong would be a free success), drawn in an order fixed by the seed, and split by the
 * same seed into a public and a private half.
 */
public record ChallengeSet(List<ChallengeImage> images) {

    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;

    public ChallengeSet {
        images = List.copyOf(images);
    }

    public int size() {
        return images.size();
    }

    /**
     * Draws {@code count} images from a test split of {@code available} images. {@code pixels} and
     * {@code labels} read the split; {@code predict} gives the target's classes for a batch.
     */
    static ChallengeSet draw(int count, long seed, int available, Function<Integer, float[]> pixels,
            Function<Integer, Integer> labels, Function<float[][], int[]> predict) {
        List<Integer> order = shuffled(available, new Random(seed));
        List<ChallengeImage> chosen = new ArrayList<>();
        int batch = 200;
        for (int from = 0; from < available && chosen.size() < count; from += batch) {
            List<Integer> indices = order.subList(from, Math.min(available, from + batch));
            float[][] images = indices.stream().map(pixels).toArray(float[][]::new);
            int[] predicted = predict.apply(images);
            for (int i = 0; i < indices.size() && chosen.size() < count; i++) {
                int label = labels.apply(indices.get(i));
                if (predicted[i] == label) {
                    chosen.add(new ChallengeImage(chosen.size(), indices.get(i), label, false, images[i]));
                }
            }
        }
        if (chosen.size() < count) {
            throw CompetitionRefusedException.invalid("competition.refused.images",
                    "The target classifies too few test images correctly");
        }
        List<Integer> halves = shuffled(count, new Random(seed ^ 0x5DEECE66DL));
        List<ChallengeImage> split = new ArrayList<>();
        for (ChallengeImage image : chosen) {
            boolean privateHalf = halves.indexOf(image.position()) >= count / 2;
            split.add(new ChallengeImage(image.position(), image.testIndex(), image.label(), privateHalf, image.pixels()));
        }
        return new ChallengeSet(split);
    }

    private static List<Integer> shuffled(int size, Random random) {
        List<Integer> order = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        return order;
    }
}
