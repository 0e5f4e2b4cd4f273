package org.adversarialarena.base.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Live updates through the real embedded PostgreSQL: each listener here is a "node" of its own with
 * its own connection, as another JVM's would be.
 */
@SpringBootTest
class LiveUpdatesIT {

    private static final LiveTopic<String> PROBE = LiveTopic.of("probe", key -> key);
    private static final long WAIT_SECONDS = 10;

    @Autowired
    DataSource dataSource;

    @Autowired
    LiveProperties properties;

    @Autowired
    LivePublisher publisher;

    @Autowired
    PlatformTransactionManager transactions;

    private final List<LiveListener> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(LiveListener::stop);
    }

    @Test
    void twoNodesBothHearAChangeOnceItsTransactionCommits() throws InterruptedException {
        String key = freshKey();
        BlockingQueue<LiveChange> heardByA = new LinkedBlockingQueue<>();
        BlockingQueue<LiveChange> heardByB = new LinkedBlockingQueue<>();
        node().subscribe(PROBE, key, heardByA::add);
        node().subscribe(PROBE, key, heardByB::add);

        new TransactionTemplate(transactions).executeWithoutResult(status -> publisher.publish(PROBE, key, 42));

        for (BlockingQueue<LiveChange> heard : List.of(heardByA, heardByB)) {
            assertThat(heard.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(new LiveChange("probe", key, 42));
        }
    }

    @Test
    void nothingIsHeardOfARolledBackTransaction() throws InterruptedException {
        String rolledBack = freshKey();
        String committed = freshKey();
        BlockingQueue<LiveChange> heard = new LinkedBlockingQueue<>();
        LiveListener node = node();
        node.subscribe(PROBE, rolledBack, heard::add);
        node.subscribe(PROBE, committed, heard::add);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            publisher.publish(PROBE, rolledBack, 1);
            status.setRollbackOnly();
        });
        new TransactionTemplate(transactions).executeWithoutResult(status -> publisher.publish(PROBE, committed, 2));

        // Notifications arrive in commit order: had the first one leaked, it would come before this one.
        assertThat(heard.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(new LiveChange("probe", committed, 2));
        assertThat(heard).isEmpty();
    }

    @Test
    void aListenerWhoseConnectionIsKilledReconnectsAndAsksItsSubscribersToReload() throws InterruptedException {
        String key = freshKey();
        BlockingQueue<LiveChange> heard = new LinkedBlockingQueue<>();
        LiveListener node = node();
        node.subscribe(PROBE, key, heard::add);
        int killed = node.backendPid();
        assertThat(killed).isPositive();

        Boolean terminated = new JdbcTemplate(dataSource).queryForObject("select pg_terminate_backend(?)", Boolean.class, killed);
        assertThat(terminated).isTrue();

        LiveChange reload = heard.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(reload).isNotNull();
        assertThat(reload.mayHaveMissedChanges()).isTrue();
        assertThat(reload.key()).isEqualTo(key);
        assertThat(node.backendPid()).isPositive().isNotEqualTo(killed);

        publisher.publish(PROBE, key, 7);
        assertThat(heard.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(new LiveChange("probe", key, 7));
    }

    @Test
    void aPayloadPostgresCannotCarryIsRefusedAndTheLongestItCanIsDelivered() throws InterruptedException {
        // "probe " + key + " 1": 7999 bytes is PostgreSQL's limit.
        String longest = "k".repeat(LivePublisher.MAX_PAYLOAD_BYTES - "probe  1".length());
        BlockingQueue<LiveChange> heard = new LinkedBlockingQueue<>();
        node().subscribe(PROBE, longest, heard::add);

        assertThatThrownBy(() -> publisher.publish(PROBE, longest + "k", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ids, not data");
        publisher.publish(PROBE, longest, 1);

        assertThat(heard.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(new LiveChange("probe", longest, 1));
    }

    @Test
    void aFeedReloadsOnceForAllItsFollowersAndStopsWhenTheyLeave() throws InterruptedException {
        String key = freshKey();
        List<String> reloads = new java.util.concurrent.CopyOnWriteArrayList<>();
        ReloadingFeed<String, String> feed = node().feed(PROBE, thing -> {
            reloads.add(thing);
            return "state of " + thing;
        });
        BlockingQueue<String> first = new LinkedBlockingQueue<>();
        BlockingQueue<String> second = new LinkedBlockingQueue<>();
        Subscription firstFollows = feed.follow(key, first::add);
        Subscription secondFollows = feed.follow(key, second::add);

        publisher.publish(PROBE, key, 1);

        assertThat(first.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("state of " + key);
        assertThat(second.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("state of " + key);
        assertThat(reloads).containsExactly(key);

        firstFollows.close();
        secondFollows.close();
        String marker = freshKey();
        BlockingQueue<String> markerFollower = new LinkedBlockingQueue<>();
        feed.follow(marker, markerFollower::add);
        publisher.publish(PROBE, key, 2);
        publisher.publish(PROBE, marker, 3);
        assertThat(markerFollower.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("state of " + marker);
        assertThat(reloads).containsExactly(key, marker);
        assertThat(first).isEmpty();
    }

    @Test
    void changesWithinTheFeedIntervalAfterAReloadAreShownTogetherAtItsEnd() throws InterruptedException {
        String key = freshKey();
        AtomicInteger published = new AtomicInteger();
        List<Long> reloadedAt = new CopyOnWriteArrayList<>();
        ReloadingFeed<String, Integer> feed = node().feed(PROBE, thing -> {
            reloadedAt.add(System.nanoTime());
            return published.get();
        });
        BlockingQueue<Integer> shown = new LinkedBlockingQueue<>();
        feed.follow(key, shown::add);

        published.set(1);
        publisher.publish(PROBE, key, 1);
        assertThat(shown.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
        for (int version = 2; version <= 4; version++) {
            published.set(version);
            publisher.publish(PROBE, key, version);
        }

        assertThat(shown.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(4);
        long interval = properties.feedInterval().toNanos();
        assertThat(interval).isPositive();
        assertThat(reloadedAt.get(1) - reloadedAt.get(0)).isGreaterThanOrEqualTo(interval * 9 / 10);
        assertThat(shown.poll(2 * interval, TimeUnit.NANOSECONDS)).isNull();
        assertThat(reloadedAt).hasSize(2);
    }

    private LiveListener node() {
        LiveListener node = new LiveListener(dataSource, properties);
        nodes.add(node);
        node.start();
        return node;
    }

    private static String freshKey() {
        return "k-" + UUID.randomUUID();
    }
}
