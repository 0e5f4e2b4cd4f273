package org.adversarialarena.player;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Friendly two-word nicknames ("Curious Otter") to offer a new player, so nobody has to invent one
 * under a teacher's eyes and nobody ends up as "asdf". The words are plain and kind, so every
 * suggestion passes the nickname rules and the word filter.
 */
public final class NicknameSuggestions {

    private static final List<String> ADJECTIVES = List.of("Brave", "Bright", "Calm", "Clever", "Cosmic", "Curious",
            "Daring", "Eager", "Gentle", "Happy", "Jolly", "Keen", "Kind", "Lucky", "Merry", "Mighty", "Nimble", "Patient",
            "Quick", "Quiet", "Sharp", "Shiny", "Sly", "Steady", "Sunny", "Swift", "Tidy", "Witty", "Wise", "Zesty");
    private static final List<String> ANIMALS = List.of("Badger", "Beaver", "Crane", "Dolphin", "Eagle", "Falcon",
            "Ferret", "Gecko", "Heron", "Ibis", "Koala", "Lemur", "Lynx", "Magpie", "Marmot", "Narwhal", "Otter", "Owl",
            "Panda", "Penguin", "Puffin", "Quokka", "Raven", "Robin", "Salmon", "Seal", "Tapir", "Turtle", "Walrus", "Yak");

    private NicknameSuggestions() {
    }

    /** One suggestion, e.g. "Curious Otter". */
    public static String suggest(RandomGenerator random) {
        return ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + " " + ANIMALS.get(random.nextInt(ANIMALS.size()));
    }

    /** How many different suggestions there are. */
    static int count() {
        return ADJECTIVES.size() * ANIMALS.size();
    }

    static List<String> all() {
        return ADJECTIVES.stream().flatMap(adjective -> ANIMALS.stream().map(animal -> adjective + " " + animal)).toList();
    }
}
