package org.adversarialarena.base.live;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A kind of thing that changes live (a leaderboard, a detective), with how one of them is named in a
 * notification: e.g. {@code LiveTopic.of("leaderboard", Board::toString)}. A feature declares its
 * topics as constants next to the code that publishes them.
 *
 * @param <K> what identifies one thing of this kind, e.g. a board
 */
public final class LiveTopic<K> {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final String name;
    private final Function<K, String> keyOf;

    private LiveTopic(String name, Function<K, String> keyOf) {
        this.name = name;
        this.keyOf = keyOf;
    }

    /** {@code name} is a lower-case slug; {@code keyOf} names one thing in text without whitespace. */
    public static <K> LiveTopic<K> of(String name, Function<K, String> keyOf) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A live topic's name is a lower-case slug of up to 32 characters, was '"
                    + name + "'");
        }
        return new LiveTopic<>(name, keyOf);
    }

    public String name() {
        return name;
    }

    /** The key of {@code thing} in notifications. */
    public String keyOf(K thing) {
        String key = keyOf.apply(thing);
        if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("A live key is non-empty text without whitespace, was '" + key + "'");
        }
        return key;
    }

    @Override
    public String toString() {
        return name;
    }
}
