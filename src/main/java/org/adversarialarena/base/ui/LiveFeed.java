package org.adversarialarena.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Delivers updates about a topic (a leaderboard, a live detective) to every browser that shows it,
 * through Vaadin Push. Publishing never blocks on a UI: each update is queued with
 * {@link UI#access}, and UIs that have gone away are dropped.
 *
 * @param <K> what subscribers follow, e.g. a board
 * @param <T> the update they receive
 */
public final class LiveFeed<K, T> {

    private record Subscriber<T>(UI ui, SerializableConsumer<T> listener) {
    }

    private final Map<K, List<Subscriber<T>>> subscribers = new ConcurrentHashMap<>();

    /** {@code listener} runs in {@code ui}'s session lock for each update on {@code topic} until removed. */
    public Registration subscribe(K topic, UI ui, SerializableConsumer<T> listener) {
        Subscriber<T> subscriber = new Subscriber<>(ui, listener);
        subscribers.computeIfAbsent(topic, key -> new CopyOnWriteArrayList<>()).add(subscriber);
        return () -> subscribers.computeIfPresent(topic, (key, list) -> {
            list.remove(subscriber);
            return list.isEmpty() ? null : list;
        });
    }

    public boolean hasSubscribers(K topic) {
        return subscribers.containsKey(topic);
    }

    public void publish(K topic, T update) {
        for (Subscriber<T> subscriber : subscribers.getOrDefault(topic, List.of())) {
            try {
                subscriber.ui().access(() -> subscriber.listener().accept(update));
            } catch (UIDetachedException e) {
                subscribers.getOrDefault(topic, List.of()).remove(subscriber);
            }
        }
    }
}
