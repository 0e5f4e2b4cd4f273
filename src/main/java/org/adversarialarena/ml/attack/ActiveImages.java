package org.adversarialarena.ml.attack;

import java.util.ArrayList;
import java.util.List;

/**
 * The loop of every iterative attack over a batch: each round, the images still being worked on are
 * asked about in one batched pass, then each takes its step or leaves (fooled, out of budget, stuck);
 * the rounds end when none is left or the last has run.
 */
final class ActiveImages {

    /** One batched pass over the images of a round, in their order. */
    @FunctionalInterface
    interface Ask<T, A> {
        A answer(int round, List<T> active);
    }

    /** What one image does with the round's answers, found at {@code position}; false when it leaves. */
    @FunctionalInterface
    interface Step<T, A> {
        boolean carriesOn(int round, T image, int position, A answers);
    }

    private ActiveImages() {
    }

    /** Runs at most {@code rounds} rounds, numbered from 0, over {@code images}; returns those still active after them. */
    static <T, A> List<T> rounds(List<T> images, int rounds, Ask<T, A> ask, Step<T, A> step) {
        List<T> active = images;
        for (int round = 0; round < rounds && !active.isEmpty(); round++) {
            A answers = ask.answer(round, active);
            List<T> stillActive = new ArrayList<>(active.size());
            for (int position = 0; position < active.size(); position++) {
                T image = active.get(position);
                if (step.carriesOn(round, image, position, answers)) {
                    stillActive.add(image);
                }
            }
            active = stillActive;
        }
        return active;
    }

    /** The indices 0 to {@code count} − 1: every image of a batch, before any has left. */
    static List<Integer> all(int count) {
        List<Integer> indices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            indices.add(i);
        }
        return indices;
    }

    /** The candidates of the {@code active} images, in their order: the batch a round asks about. */
    static float[][] of(float[][] candidates, List<Integer> active) {
        float[][] batch = new float[active.size()][];
        for (int a = 0; a < active.size(); a++) {
            batch[a] = candidates[active.get(a)];
        }
        return batch;
    }
}
