package org.adversarialarena.base.live;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current state of things that change live, for followers on this node: on a change of a thing
 * someone here follows, the state is reloaded once and handed to each of its followers, at most once
 * per {@code arena.live.feed-interval} for each thing ({@link PacedReload}). Make one with
 * {@link LiveListener#feed}; a feature's service exposes {@code follow} to its screens.
 *
 * @param <K> what identifies a thing, e.g. a board
 * @param <T> its state as followers see it, e.g. the board's ranking
 */
public final class ReloadingFeed<K, T> {

    private static final Logger log = LoggerFactory.getLogger(ReloadingFeed.class);

    private final class Followers {
        private final List<Consumer<T>> consumers = new CopyOnWriteArrayList<>();
        private final Subscription changes;

        Followers(K thing) {
            PacedReload paced = new PacedReload(() -> reload(thing, consumers), interval, deliveries);
            this.changes = listener.subscribe(topic, thing, change -> paced.changed());
        }
    }

    private final LiveListener listener;
    private final LiveTopic<K> topic;
    private final Function<K, T> reload;
    private final Duration interval;
    private final ScheduledExecutorService deliveries;
    private final Map<K, Followers> followed = new ConcurrentHashMap<>();

    ReloadingFeed(LiveListener listener, LiveTopic<K> topic, Function<K, T> reload, Duration interval,
            ScheduledExecutorService deliveries) {
        this.listener = listener;
        this.topic = topic;
        this.reload = reload;
        this.interval = interval;
        this.deliveries = deliveries;
    }

    /** Hands {@code follower} the state of {@code thing} after each of its changes, until closed. */
    public Subscription follow(K thing, Consumer<T> follower) {
        // Copies, so that following the same consumer twice needs two closes.
        Consumer<T> own = follower::accept;
        synchronized (followed) {
            followed.computeIfAbsent(thing, Followers::new).consumers.add(own);
        }
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                unfollow(thing, own);
            }
        };
    }

    private void unfollow(K thing, Consumer<T> follower) {
        synchronized (followed) {
            Followers followers = followed.get(thing);
            if (followers != null && followers.consumers.remove(follower) && followers.consumers.isEmpty()) {
                followed.remove(thing);
                followers.changes.close();
            }
        }
    }

    private void reload(K thing, List<Consumer<T>> consumers) {
        if (consumers.isEmpty()) {
            return;
        }
        T state = reload.apply(thing);
        for (Consumer<T> consumer : consumers) {
            try {
                consumer.accept(state);
            } catch (RuntimeException e) {
                log.warn("A follower of {} {} failed", topic, thing, e);
            }
        }
    }
}
