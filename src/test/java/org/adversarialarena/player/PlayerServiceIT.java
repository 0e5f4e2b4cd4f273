package org.adversarialarena.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class PlayerServiceIT {

    @Autowired
    PlayerService players;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    PlayerRepository repository;

    @Autowired
    NicknameFilter filter;

    @Autowired
    org.adversarialarena.quota.RateLimiter limiter;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void aJoinedPlayerIsStoredWithTrimmedNicknameAndCreationTime() {
        Player joined = players.join("  ada  ");

        Player found = players.find(joined.getId()).orElseThrow();
        assertThat(found.getNickname()).isEqualTo("ada");
        assertThat(found.getCreated()).isNotNull().isAfter(java.time.Instant.EPOCH);
    }

    @Test
    void blankOrOverlongNicknamesAreRefusedBeforeTheyReachTheDatabase() {
        assertThatThrownBy(() -> players.join("   ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> players.join("x".repeat(41))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("40");
    }

    @Test
    void newPlayersFromOneAddressAreLimitedAndOtherAddressesStillJoin() {
        PlayerService threeAnHour = new PlayerService(repository, filter, java.time.Clock.systemUTC(), limiter, 3, 3,
                java.time.Duration.ofHours(1));
        String address = "198.51.100." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 255) + "-"
                + java.util.UUID.randomUUID();
        threeAnHour.join("from-a-1", address);
        threeAnHour.joinFromBrowserAt("from-a-2", address, null);
        assertThatThrownBy(() -> threeAnHour.join("   ", address)).as("a refused nickname costs nothing")
                .isInstanceOf(IllegalArgumentException.class);
        threeAnHour.join("from-a-3", address);
        Long before = jdbc.queryForObject("select count(*) from player", Long.class);

        assertThatThrownBy(() -> threeAnHour.joinFromBrowserAt("from-a-4", address, null))
                .isInstanceOfSatisfying(TooManyPlayersException.class,
                        e -> assertThat(e.retryAfterSeconds()).isPositive());
        assertThat(jdbc.queryForObject("select count(*) from player", Long.class)).isEqualTo(before);
        assertThat(threeAnHour.join("from-b-1", address + "-b").getId()).isNotNull();
    }

    /**
     * A class behind one address joins at once: a join's count commits by itself, so a second join
     * from the address does not wait for the first one's transaction (it queued on the counter's row
     * before, and under load those queued joins held every pooled connection).
     */
    @Test
    void aJoinFromAnAddressDoesNotWaitForAnotherJoinFromItThatIsStillInItsTransaction() throws Exception {
        String address = "192.0.2.7-" + java.util.UUID.randomUUID();
        java.util.concurrent.CountDownLatch firstCounted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch secondDone = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService joins = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<?> first = joins.submit(() -> transactions.executeWithoutResult(status -> {
                players.joinFromBrowserAt("first-of-class", address, null);
                firstCounted.countDown();
                awaitQuietly(secondDone);
            }));
            assertThat(firstCounted.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            java.util.concurrent.Future<BrowserPlayer> second = joins.submit(
                    () -> players.joinFromBrowserAt("second-of-class", address, null));

            assertThat(second.get(10, java.util.concurrent.TimeUnit.SECONDS).player().getNickname())
                    .isEqualTo("second-of-class");
            secondDone.countDown();
            first.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            secondDone.countDown();
            joins.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select sum(hits) from rate_limit_window where bucket = 'player-joins-address'"
                + " and key = ?", Integer.class, address)).isEqualTo(2);
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aBrowserSessionMakesOnlyAFewPlayersWhateverItsAddress() {
        PlayerService twoAnHour = new PlayerService(repository, filter, java.time.Clock.systemUTC(), limiter, 100, 2,
                java.time.Duration.ofHours(1));
        String session = "session:" + java.util.UUID.randomUUID();
        twoAnHour.joinFromBrowserAt("sess-1", "203.0.113.1-" + session, session);
        twoAnHour.joinFromBrowserAt("sess-2", "203.0.113.2-" + session, session);

        assertThatThrownBy(() -> twoAnHour.joinFromBrowserAt("sess-3", "203.0.113.3-" + session, session))
                .isInstanceOf(TooManyPlayersException.class);
        assertThat(twoAnHour.joinFromBrowserAt("other-1", "203.0.113.3-" + session, session + "-other").player()
                .getId()).isNotNull();
    }

    @Test
    void aBrowserResumesItsPlayerWithItsTokenAndNothingElseDoes() {
        BrowserPlayer joined = players.joinFromBrowser("hedy");

        assertThat(players.resume(joined.resumeToken())).hasValueSatisfying(
                p -> assertThat(p.getId()).isEqualTo(joined.player().getId()));
        assertThat(players.resume(ResumeToken.create())).isEmpty();
        assertThat(players.resume("")).isEmpty();
        assertThat(players.resume("' or 1=1 --")).isEmpty();
        assertThat(players.resume("x".repeat(10_000))).isEmpty();
    }

    @Test
    void aResumeTokenNeverMakesItsHolderAnotherPlayer() {
        BrowserPlayer alice = players.joinFromBrowser("alice");
        BrowserPlayer bob = players.joinFromBrowser("bob");

        assertThat(alice.resumeToken()).isNotEqualTo(bob.resumeToken());
        assertThat(players.resume(alice.resumeToken())).map(Player::getId).hasValue(alice.player().getId());
        assertThat(players.resume(bob.resumeToken())).map(Player::getId).hasValue(bob.player().getId());
        // what the database holds is no token: a leaked hash, or a hash of a hash, finds nobody
        String storedHash = jdbc.queryForObject("select token_hash from player where id = ?", String.class,
                bob.player().getId());
        assertThat(players.resume(storedHash)).isEmpty();
        assertThat(players.resume(ResumeToken.hash(storedHash))).isEmpty();
        // a token one character off is someone else's only by a 2^-256 chance: here, nobody's
        String altered = alice.resumeToken().substring(1) + (alice.resumeToken().charAt(0) == 'A' ? 'B' : 'A');
        assertThat(players.resume(altered)).isEmpty();
    }

    @Test
    void offensiveAndInvisibleNicknamesAreRefusedBeforeTheyReachTheDatabase() {
        long before = jdbc.queryForObject("select count(*) from player", Long.class);
        assertThatThrownBy(() -> players.joinFromBrowser("fuck")).isInstanceOf(NicknameRefusedException.class);
        assertThatThrownBy(() -> players.joinFromBrowser("\u3164")).isInstanceOf(NicknameRefusedException.class);
        assertThatThrownBy(() -> players.join("\u202Eevil")).isInstanceOf(NicknameRefusedException.class);
        assertThat(jdbc.queryForObject("select count(*) from player", Long.class)).isEqualTo(before);
    }

    @Test
    void theDatabaseKeepsOnlyTheTokensHash() {
        BrowserPlayer joined = players.joinFromBrowser("radia");

        String stored = jdbc.queryForObject("select token_hash from player where id = ?", String.class,
                joined.player().getId());
        assertThat(stored).hasSize(64).isEqualTo(ResumeToken.hash(joined.resumeToken()))
                .doesNotContain(joined.resumeToken());
    }

    @Test
    void anUnknownIdFindsNobody() {
        assertThat(players.find(Long.MAX_VALUE)).isEmpty();
    }
}
