package org.adversarialarena.base.live;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Who on this node follows which thing, and handing them changes. */
final class LiveSubscribers {

    private static final Logger log = LoggerFactory.getLogger(LiveSubscribers.class);

    private record Thing(String topic, String key) {
    }

    /** Each subscriber is its own object, so the same lambda subscribed twice is also removed twice. */
    private static final class Subscriber {
        private final Consumer<LiveChange> consumer;

        Subscriber(Consumer<LiveChange> consumer) {
            this.consumer = consumer;
        }
    }

    private final Map<Thing, List<Subscriber>> subscribers = new ConcurrentHashMap<>();

    Subscription add(String topic, String key, Consumer<LiveChange> consumer) {
        Thing thing = new Thing(topic, key);
        Subscriber subscriber = new Subscriber(consumer);
        subscribers.compute(thing, (k, list) -> {
            List<Subscriber> present = list == null ? new CopyOnWriteArrayList<>() : list;
            present.add(subscriber);
            return present;
        });
        return () -> subscribers.computeIfPresent(thing, (k, list) -> {
            list.remove(subscriber);
            return list.isEmpty() ? null : list;
        });
    }

    void deliver(LiveChange change) {
        for (Subscriber subscriber : subscribers.getOrDefault(new Thing(change.topic(), change.key()), List.of())) {
            accept(subscriber, change);
        }
    }

    /** After a reconnection: notifications sent meanwhile are lost, so everyone reloads. */
    void missedAll() {
        subscribers.forEach((thing, list) -> {
            LiveChange missed = LiveChange.missed(thing.topic(), thing.key());
            list.forEach(subscriber -> accept(subscriber, missed));
        });
    }

    private static void accept(Subscriber subscriber, LiveChange change) {
        try {
            subscriber.consumer.accept(change);
        } catch (RuntimeException e) {
            // One failing screen or reload must not keep the others from their updates.
            log.warn("A live subscriber of {} {} failed", change.topic(), change.key(), e);
        }
    }
}
