package org.adversarialarena.round;

import java.util.regex.Pattern;

/**
 * Where a round is played and ranked: a game, a dataset and a variant (a Fool level, a Forge
 * prompt), e.g. {@code fool/mnist/few-pixels}. Parts are lower-case slugs, so a board can name a
 * translation key ({@code board.fool.mnist.few-pixels}) and appear in a URL.
 */
public record Board(Game game, String dataset, String variant) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,47}");

    public Board {
        requireSlug("dataset", dataset);
        requireSlug("variant", variant);
    }

    /** The translation key of the board's title. */
    public String titleKey() {
        return "board." + game.id() + "." + dataset + "." + variant;
    }

    @Override
    public String toString() {
        return game.id() + "/" + dataset + "/" + variant;
    }

    private static void requireSlug(String part, String value) {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException("A board's " + part + " is a lower-case slug of up to 48 characters, was '"
                    + value + "'");
        }
    }
}
