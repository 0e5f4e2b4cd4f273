package org.adversarialarena.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.adversarialarena.base.live.Subscription;
import org.jspecify.annotations.Nullable;

/**
 * Brings a live feed to a component: while the component is attached it follows its source, and each
 * update runs in the component's UI through {@link UI#access} (pushed to the browser); on detach the
 * subscription is closed. The services behind a source know nothing of Vaadin.
 *
 * <pre>{@code
 * private final UiUpdates<List<Standing>> updates = new UiUpdates<>(this, this::show);
 * ...
 * updates.follow(listener -> leaderboards.follow(board, listener));
 * }</pre>
 *
 * @param <T> what the component receives, e.g. a board's ranking
 */
public final class UiUpdates<T> {

    /** Where updates come from: e.g. {@code listener -> leaderboards.follow(board, listener)}. */
    @FunctionalInterface
    public interface Source<T> {
        Subscription follow(Consumer<T> listener);
    }

    private final Component owner;
    private final SerializableConsumer<T> listener;
    private final AtomicReference<@Nullable Subscription> subscription = new AtomicReference<>();
    private @Nullable Source<T> source;
    /** Changes with every (re)subscription, so an update already queued for a previous source is dropped. */
    private volatile Object following = new Object();

    /** {@code listener} runs in the owner's UI, holding its session lock. */
    public UiUpdates(Component owner, SerializableConsumer<T> listener) {
        this.owner = owner;
        this.listener = listener;
        owner.addAttachListener(attach -> start(attach.getUI()));
        owner.addDetachListener(detach -> stop());
    }

    /** Follows {@code newSource} instead of the previous one, now if the owner is attached, else from its attach. */
    public void follow(Source<T> newSource) {
        stop();
        source = newSource;
        owner.getUI().ifPresent(this::start);
    }

    private void start(UI ui) {
        Source<T> current = source;
        if (current == null) {
            return;
        }
        Object token = new Object();
        following = token;
        Subscription started = current.follow(update -> push(ui, token, update));
        Subscription previous = subscription.getAndSet(started);
        if (previous != null) {
            previous.close();
        }
    }

    private void push(UI ui, Object token, T update) {
        try {
            ui.access(() -> {
                if (token == following) {
                    listener.accept(update);
                }
            });
        } catch (UIDetachedException e) {
            // The browser went away before the detach event reached us.
            stop();
        }
    }

    private void stop() {
        following = new Object();
        Subscription previous = subscription.getAndSet(null);
        if (previous != null) {
            previous.close();
        }
    }
}
