package org.adversarialarena.base.live;

import java.util.Optional;

/**
 * What a notification says: a thing of a topic changed, and its version after the change. It never
 * carries the new state: subscribers reload it, so they always show what is committed, however many
 * notifications they missed or received out of turn.
 *
 * @param topic   the topic's name
 * @param key     which thing of the topic
 * @param version the publisher's version of the thing, or {@link #UNKNOWN_VERSION} when changes may have
 *                been missed (after the listener lost its connection) and the subscriber must reload
 */
public record LiveChange(String topic, String key, long version) {

    public static final long UNKNOWN_VERSION = -1;

    static LiveChange missed(String topic, String key) {
        return new LiveChange(topic, key, UNKNOWN_VERSION);
    }

    /** True when this is not one change but "you may have missed some": reload everything you show. */
    public boolean mayHaveMissedChanges() {
        return version == UNKNOWN_VERSION;
    }

    /** The notification's payload: {@code topic key version}, separated by single spaces. */
    String payload() {
        return topic + " " + key + " " + version;
    }

    static Optional<LiveChange> parse(String payload) {
        String[] parts = payload.split(" ");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LiveChange(parts[0], parts[1], Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
