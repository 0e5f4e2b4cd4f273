package org.adversarialarena.player;

/** The rules a nickname follows, so a leaderboard never shows an empty or page-breaking name. */
final class Nickname {

    private Nickname() {
    }

    static String validate(String nickname) {
        String trimmed = nickname.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("A nickname must not be blank");
        }
        if (trimmed.length() > Player.MAX_NICKNAME_LENGTH) {
            throw new IllegalArgumentException(
                    "A nickname has at most " + Player.MAX_NICKNAME_LENGTH + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A nickname must not contain control characters");
        }
        return trimmed;
    }
}
