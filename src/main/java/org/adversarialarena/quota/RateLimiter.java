package org.adversarialarena.quota;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Counts hits per limit and key in fixed windows kept in PostgreSQL (and keeps the last admitted hit
 * per {@link Spacing}), so every app node sees the same
 * count and a restart forgets nothing. One upsert per hit: the row lock makes concurrent hits on
 * several nodes add up exactly. A fixed window lets a client reach twice the limit across a window
 * boundary at most; the limits are set with that in mind (docs/security.md).
 */
@Service
public class RateLimiter {

    private static final int MAX_KEY_LENGTH = 300;
    private static final Duration KEEP_ENDED_WINDOWS = RateLimit.LONGEST_WINDOW;
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    /** Public so that tests of the features using it can run it at a clock of their own. */
    public RateLimiter(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts a hit and says whether it was within the limit; a refused hit is counted too. */
    public Admission hit(RateLimit limit, String key) {
        Instant now = clock.instant();
        purgeEndedWindowsNowAndThen(now);
        Instant start = windowStart(limit, now);
        Integer hits = jdbc.queryForObject("""
                insert into rate_limit_window (bucket, key, window_start, hits) values (?, ?, ?, 1)
                on conflict (bucket, key, window_start) do update set hits = rate_limit_window.hits + 1
                returning hits""", Integer.class, limit.name(), storedKey(key), Timestamp.from(start));
        return judge(limit, hits == null ? 0 : hits, start, now);
    }

    /**
     * Admits the hit if the key's last admitted hit is at least the spacing's interval ago, and then
     * remembers it as the last; a refused hit changes nothing. One upsert whose update is conditional:
     * of two hits at once on two nodes, the row lock lets only the first through.
     */
    public Admission space(Spacing spacing, String key) {
        Instant now = clock.instant();
        purgeEndedWindowsNowAndThen(now);
        String stored = storedKey(key);
        List<Timestamp> admitted = jdbc.queryForList("""
                insert into rate_limit_spacing (bucket, key, last_hit) values (?, ?, ?)
                on conflict (bucket, key) do update set last_hit = excluded.last_hit
                    where rate_limit_spacing.last_hit <= ?
                returning last_hit""", Timestamp.class, spacing.name(), stored, Timestamp.from(now),
                Timestamp.from(now.minus(spacing.interval())));
        if (!admitted.isEmpty()) {
            return Admission.allow();
        }
        List<Timestamp> last = jdbc.queryForList("select last_hit from rate_limit_spacing where bucket = ? and key = ?",
                Timestamp.class, spacing.name(), stored);
        Duration wait = last.isEmpty() ? Duration.ZERO
                : Duration.between(now, last.getFirst().toInstant().plus(spacing.interval()));
        return Admission.refuse(wait.isNegative() ? Duration.ZERO : wait);
    }

    /** Whether the key has used up its window already, without counting a hit. */
    public Admission check(RateLimit limit, String key) {
        Instant now = clock.instant();
        Instant start = windowStart(limit, now);
        List<Integer> hits = jdbc.queryForList(
                "select hits from rate_limit_window where bucket = ? and key = ? and window_start = ?",
                Integer.class, limit.name(), storedKey(key), Timestamp.from(start));
        int count = hits.isEmpty() ? 0 : hits.getFirst();
        return count >= limit.limit() ? Admission.refuse(Duration.between(now, start.plus(limit.window())))
                : Admission.allow();
    }

    /** Forgets the key's hits, e.g. an account's failed sign-ins once it signs in. */
    public void clear(RateLimit limit, String key) {
        jdbc.update("delete from rate_limit_window where bucket = ? and key = ?", limit.name(), storedKey(key));
    }

    private static Admission judge(RateLimit limit, int hits, Instant start, Instant now) {
        return hits <= limit.limit() ? Admission.allow()
                : Admission.refuse(Duration.between(now, start.plus(limit.window())));
    }

    private static Instant windowStart(RateLimit limit, Instant now) {
        long windowMillis = limit.window().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
    }

    /** Keys come from clients (addresses, e-mails, codes): a long one is stored as its hash. */
    private static String storedKey(String key) {
        if (key.length() <= MAX_KEY_LENGTH) {
            return key;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private void purgeEndedWindowsNowAndThen(Instant now) {
        Instant previous = lastPurge.get();
        if (now.isAfter(previous.plus(PURGE_EVERY)) && lastPurge.compareAndSet(previous, now)) {
            jdbc.update("delete from rate_limit_window where window_start < ?",
                    Timestamp.from(now.minus(KEEP_ENDED_WINDOWS)));
            jdbc.update("delete from rate_limit_spacing where last_hit < ?", Timestamp.from(now.minus(KEEP_ENDED_WINDOWS)));
        }
    }
}
