package org.adversarialarena.base.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's ear for live updates: one daemon thread LISTENs on a dedicated connection and hands each
 * {@link LiveChange} to this node's subscribers of that thing. If the connection is lost, it reconnects
 * with a growing back-off and then tells every subscriber to reload, since PostgreSQL does not replay
 * what was sent meanwhile.
 *
 * <p>Subscribers run on the listener thread, one after another: they should reload and hand over
 * (a screen queues its update with {@code ui.access}), not do long work.
 */
@Component
@EnableConfigurationProperties(LiveProperties.class)
public class LiveListener implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveListener.class);

    private final DedicatedConnections connections;
    private final LiveProperties properties;
    private final LiveSubscribers subscribers = new LiveSubscribers();
    private final CountDownLatch firstListen = new CountDownLatch(1);
    /** The feeds' reloads and hand-overs, off the listening thread, one at a time. */
    private final ScheduledThreadPoolExecutor feedDeliveries = new ScheduledThreadPoolExecutor(1,
            Thread.ofPlatform().daemon().name("live-delivery").factory());
    private volatile boolean running;
    private volatile int backendPid;
    private @Nullable Thread thread;

    LiveListener(DataSource dataSource, LiveProperties properties) {
        this.connections = DedicatedConnections.of(dataSource);
        this.properties = properties;
        feedDeliveries.setKeepAliveTime(1, TimeUnit.MINUTES);
        feedDeliveries.allowCoreThreadTimeOut(true);
        feedDeliveries.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Calls {@code subscriber} on every change of {@code thing} until the subscription is closed. */
    public <K> Subscription subscribe(LiveTopic<K> topic, K thing, Consumer<LiveChange> subscriber) {
        return subscribers.add(topic.name(), topic.keyOf(thing), subscriber);
    }

    /** A feed that reloads a thing with {@code reload} once per change and hands it to all its followers here. */
    public <K, T> ReloadingFeed<K, T> feed(LiveTopic<K> topic, Function<K, T> reload) {
        return new ReloadingFeed<>(this, topic, reload, properties.feedInterval(), feedDeliveries);
    }

    /**
     * Starts listening and waits (up to the longest reconnection wait) until the first LISTEN is in
     * place, so what commits right after the app has started is heard.
     */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread listener = new Thread(this::listen, "live-listener");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
        try {
            if (!firstListen.await(properties.reconnectMax().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Live updates: not listening yet; screens will update once the database answers");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(properties.pollTimeout().plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public void destroy() {
        feedDeliveries.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The server process of the listening connection, 0 while there is none (tests end it on purpose). */
    int backendPid() {
        return backendPid;
    }

    private void listen() {
        Duration backoff = properties.reconnectInitial();
        boolean firstAttempt = true;
        while (running) {
            try (Connection connection = connections.open()) {
                PGConnection postgres = connection.unwrap(PGConnection.class);
                try (Statement sql = connection.createStatement()) {
                    sql.execute("LISTEN \"" + properties.channel() + "\"");
                }
                backendPid = postgres.getBackendPID();
                if (!firstAttempt) {
                    log.info("Live updates: listening again on {}; every subscriber reloads", properties.channel());
                    subscribers.missedAll();
                }
                firstListen.countDown();
                backoff = properties.reconnectInitial();
                receive(connection, postgres);
            } catch (SQLException | RuntimeException e) {
                // Whatever went wrong, this node must keep listening: start over on a new connection.
                backendPid = 0;
                if (running) {
                    log.warn("Live updates: lost the listening connection ({}); trying again in {} ms", e.getMessage(),
                            backoff.toMillis());
                    pause(backoff);
                    backoff = min(backoff.multipliedBy(2), properties.reconnectMax());
                }
            }
            firstAttempt = false;
        }
    }

    private void receive(Connection connection, PGConnection postgres) throws SQLException {
        int pollMillis = Math.toIntExact(properties.pollTimeout().toMillis());
        long checkedAt = System.nanoTime();
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(pollMillis);
            if (notifications != null && notifications.length > 0) {
                deliver(notifications);
            } else if (System.nanoTime() - checkedAt > properties.checkEvery().toNanos()) {
                // A connection cut without a goodbye only shows when it is used.
                if (!connection.isValid(Math.toIntExact(Math.max(1, properties.checkEvery().toSeconds())))) {
                    throw new SQLException("the listening connection stopped answering");
                }
                checkedAt = System.nanoTime();
            }
        }
    }

    /** A burst of changes to one thing becomes one delivery: subscribers reload anyway. */
    private void deliver(PGNotification[] notifications) {
        Map<String, LiveChange> latest = new LinkedHashMap<>();
        for (PGNotification notification : notifications) {
            LiveChange.parse(notification.getParameter()).ifPresentOrElse(
                    change -> latest.put(change.topic() + ' ' + change.key(), change),
                    () -> log.warn("Live updates: ignored a notification with payload '{}'", notification.getParameter()));
        }
        latest.values().forEach(subscribers::deliver);
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
