package org.adversarialarena.ml.detective;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * The forgeries the detective trains on: the most recent {@code capacity}, replayed at random so one
 * step does not only see the last player's style (the replay buffer of Shrivastava et al.).
 * Thread-safe: requests add, the trainer samples.
 */
final class ReplayBuffer {

    record Forgery(float[] pixels, int classIndex) {
    }

    private final int capacity;
    private final Deque<Forgery> forgeries = new ArrayDeque<>();

    ReplayBuffer(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(float[] pixels, int classIndex) {
        if (forgeries.size() == capacity) {
            forgeries.removeFirst();
        }
        forgeries.addLast(new Forgery(pixels.clone(), classIndex));
    }

    synchronized int size() {
        return forgeries.size();
    }

    /** {@code count} forgeries drawn with replacement; empty if the buffer is. */
    synchronized List<Forgery> sample(int count, Random random) {
        if (forgeries.isEmpty()) {
            return List.of();
        }
        List<Forgery> all = List.copyOf(forgeries);
        return random.ints(count, 0, all.size()).mapToObj(all::get).toList();
    }
}
