package org.adversarialarena.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class RateLimiterIT {

    private static final RateLimit THREE_A_MINUTE = new RateLimit("test-three", 3, Duration.ofMinutes(1));
    private static final Instant NOON = Instant.parse("2026-12-06T12:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RateLimiter limiter;

    private RateLimiter at(Instant now) {
        return new RateLimiter(jdbc, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void allowsTheLimitThenRefusesUntilTheWindowEnds() {
        String key = UUID.randomUUID().toString();
        RateLimiter limiter = at(NOON.plusSeconds(20));
        for (int hit = 1; hit <= 3; hit++) {
            assertThat(limiter.hit(THREE_A_MINUTE, key).allowed()).as("hit %d", hit).isTrue();
        }
        Admission fourth = limiter.hit(THREE_A_MINUTE, key);
        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.retryAfter()).isEqualTo(Duration.ofSeconds(40));
        assertThat(limiter.check(THREE_A_MINUTE, key).allowed()).isFalse();

        assertThat(at(NOON.plusSeconds(61)).hit(THREE_A_MINUTE, key).allowed()).isTrue();
    }

    @Test
    void keysAndLimitsCountApart() {
        String key = UUID.randomUUID().toString();
        RateLimiter limiter = at(NOON);
        for (int hit = 0; hit < 4; hit++) {
            limiter.hit(THREE_A_MINUTE, key);
        }
        assertThat(limiter.check(THREE_A_MINUTE, key + "-other").allowed()).isTrue();
        assertThat(limiter.check(new RateLimit("test-other", 3, Duration.ofMinutes(1)), key).allowed()).isTrue();
    }

    @Test
    void checkingCountsNothingAndClearingForgets() {
        String key = UUID.randomUUID().toString();
        RateLimiter limiter = at(NOON);
        for (int check = 0; check < 10; check++) {
            assertThat(limiter.check(THREE_A_MINUTE, key).allowed()).isTrue();
        }
        for (int hit = 0; hit < 3; hit++) {
            limiter.hit(THREE_A_MINUTE, key);
        }
        assertThat(limiter.check(THREE_A_MINUTE, key).allowed()).isFalse();
        limiter.clear(THREE_A_MINUTE, key);
        assertThat(limiter.check(THREE_A_MINUTE, key).allowed()).isTrue();
    }

    @Test
    void twoLimitersOnOneDatabaseShareTheCountAsTwoNodesWould() {
        String key = UUID.randomUUID().toString();
        RateLimiter nodeA = at(NOON);
        RateLimiter nodeB = at(NOON);
        nodeA.hit(THREE_A_MINUTE, key);
        nodeB.hit(THREE_A_MINUTE, key);
        nodeA.hit(THREE_A_MINUTE, key);
        assertThat(nodeB.hit(THREE_A_MINUTE, key).allowed()).isFalse();
    }

    @Test
    void concurrentHitsAddUpExactly() throws Exception {
        String key = UUID.randomUUID().toString();
        RateLimit many = new RateLimit("test-many", 1000, Duration.ofHours(1));
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Thread.ofPlatform().start(() -> {
                for (int hit = 0; hit < 25; hit++) {
                    limiter.hit(many, key);
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Integer hits = jdbc.queryForObject("select sum(hits) from rate_limit_window where bucket = ? and key = ?",
                Integer.class, many.name(), key);
        assertThat(hits).isEqualTo(200);
    }

    @Test
    void spacedHitsAreMeasuredFromTheLastAdmittedOneAcrossAnyBoundary() {
        Spacing twoSeconds = new Spacing("test-spacing", Duration.ofSeconds(2));
        String key = UUID.randomUUID().toString();
        assertThat(at(NOON.minusMillis(1)).space(twoSeconds, key).allowed()).isTrue();

        Admission tooSoon = at(NOON.plusMillis(500)).space(twoSeconds, key);
        assertThat(tooSoon.allowed()).isFalse();
        assertThat(tooSoon.retryAfter()).isEqualTo(Duration.ofMillis(1499));
        assertThat(at(NOON.plusMillis(1998)).space(twoSeconds, key).allowed()).as("a refusal moves nothing").isFalse();
        assertThat(at(NOON.plusMillis(1999)).space(twoSeconds, key).allowed()).isTrue();
        assertThat(at(NOON.plusMillis(2000)).space(twoSeconds, key + "-other").allowed()).isTrue();
    }

    @Test
    void ofConcurrentSpacedHitsOnlyOneIsAdmitted() throws Exception {
        Spacing aMinute = new Spacing("test-spacing", Duration.ofMinutes(1));
        String key = UUID.randomUUID().toString();
        java.util.concurrent.atomic.AtomicInteger admitted = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Thread.ofPlatform().start(() -> {
                if (at(NOON).space(aMinute, key).allowed()) {
                    admitted.incrementAndGet();
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(admitted).hasValue(1);
    }

    @Test
    void aHugeKeyIsStoredAsItsHash() {
        String key = "k".repeat(10_000);
        limiter.hit(THREE_A_MINUTE, key);
        assertThat(jdbc.queryForObject("select count(*) from rate_limit_window where key like 'sha256:%'",
                Integer.class)).isPositive();
    }
}
