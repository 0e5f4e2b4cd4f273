package org.adversarialarena.base.live;

import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How live updates travel between nodes.
 *
 * @param channel          the PostgreSQL notification channel every node listens on
 * @param pollTimeout      how long the listener waits for notifications before it looks again (bounds shutdown)
 * @param checkEvery       how often a quiet listening connection is checked, so a silently dead one is noticed
 * @param reconnectInitial the first wait after the listening connection is lost; it doubles after each failure
 * @param reconnectMax     the longest wait between two reconnection attempts
 * @param feedInterval     the shortest time between two reloads of one followed thing on a node: changes
 *                         within it are shown together at its end (0: reload on every change)
 */
@ConfigurationProperties("arena.live")
record LiveProperties(@DefaultValue("arena_live") String channel, @DefaultValue("500ms") Duration pollTimeout,
        @DefaultValue("10s") Duration checkEvery, @DefaultValue("100ms") Duration reconnectInitial,
        @DefaultValue("5s") Duration reconnectMax, @DefaultValue("1s") Duration feedInterval) {

    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    LiveProperties {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("arena.live.channel is a lower-case PostgreSQL identifier, was '"
                    + channel + "'");
        }
        if (pollTimeout.isNegative() || pollTimeout.isZero() || checkEvery.isNegative() || checkEvery.isZero()
                || reconnectInitial.isNegative() || reconnectInitial.isZero() || reconnectMax.compareTo(reconnectInitial) < 0
                || feedInterval.isNegative()) {
            throw new IllegalArgumentException("arena.live durations must be positive (feed-interval may be 0), "
                    + "reconnect-max at least reconnect-initial");
        }
    }
}
