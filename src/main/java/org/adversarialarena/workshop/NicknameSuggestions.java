package org.adversarialarena.workshop;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** Friendly generated nicknames, offered to a student who has none in mind or whose choice is taken. */
final class NicknameSuggestions {

    private static final List<String> ADJECTIVES = List.of("Brave", "Calm", "Clever", "Curious", "Daring", "Eager",
            "Gentle", "Happy", "Jolly", "Keen", "Lively", "Lucky", "Merry", "Nimble", "Quick", "Quiet", "Sharp", "Sunny",
            "Swift", "Witty");
    private static final List<String> ANIMALS = List.of("Badger", "Crane", "Dolphin", "Falcon", "Fox", "Gecko",
            "Heron", "Koala", "Lynx", "Marten", "Otter", "Owl", "Panda", "Puffin", "Raven", "Seal", "Tiger", "Turtle",
            "Wombat", "Yak");

    private final RandomGenerator random;

    NicknameSuggestions() {
        this(new SecureRandom());
    }

    NicknameSuggestions(RandomGenerator random) {
        this.random = random;
    }

    String next() {
        return String.format(Locale.ROOT, "%s%s%02d", ADJECTIVES.get(random.nextInt(ADJECTIVES.size())),
                ANIMALS.get(random.nextInt(ANIMALS.size())), random.nextInt(100));
    }
}
