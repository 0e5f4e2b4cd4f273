package org.adversarialarena.player;

import java.text.Normalizer;

/**
 * The rules a nickname follows, so a leaderboard never shows an empty, invisible, reversed or
 * page-breaking name: normalised (NFC), something visible in it, no control or direction-changing
 * characters, no stacks of combining marks, and a limited width on screen.
 */
final class Nickname {

    /** Columns on a board: a wide (CJK, emoji) character takes two. */
    static final int MAX_DISPLAY_WIDTH = 24;
    /** Combining marks on one letter: Vietnamese needs two, Zalgo text dozens. */
    private static final int MAX_COMBINING_MARKS = 3;

    private Nickname() {
    }

    static String validate(String nickname) {
        String name = Normalizer.normalize(nickname, Normalizer.Form.NFC).strip();
        if (name.isEmpty()) {
            throw new NicknameRefusedException("player.nickname.blank", "A nickname must not be blank");
        }
        if (name.length() > Player.MAX_NICKNAME_LENGTH) {
            throw new NicknameRefusedException("player.nickname.too-wide",
                    "A nickname has at most " + Player.MAX_NICKNAME_LENGTH + " characters");
        }
        if (name.codePoints().anyMatch(Nickname::isControl)) {
            throw new NicknameRefusedException("player.nickname.control",
                    "A nickname must not contain control characters");
        }
        if (name.codePoints().anyMatch(Nickname::isBidiControl)) {
            throw new NicknameRefusedException("player.nickname.control",
                    "A nickname must not contain characters that change the text's direction");
        }
        if (name.codePoints().allMatch(Nickname::isInvisible)) {
            throw new NicknameRefusedException("player.nickname.blank", "A nickname must not be blank");
        }
        if (longestRunOfCombiningMarks(name) > MAX_COMBINING_MARKS) {
            throw new NicknameRefusedException("player.nickname.marks", "A nickname must not stack combining marks");
        }
        if (displayWidth(name) > MAX_DISPLAY_WIDTH) {
            throw new NicknameRefusedException("player.nickname.too-wide",
                    "A nickname is at most " + MAX_DISPLAY_WIDTH + " columns wide");
        }
        return name;
    }

    /** Columns the name takes in a monospace-like board: wide characters two, combining marks none. */
    static int displayWidth(String name) {
        return name.codePoints().map(Nickname::width).sum();
    }

    private static boolean isControl(int c) {
        return Character.getType(c) == Character.CONTROL;
    }

    /** Embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and the invisible direction marks. */
    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C;
    }

    /** Shows nothing: spaces, format characters, marks alone, and the fillers that look like letters. */
    private static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || c == 0x3164 || c == 0x115F || c == 0x1160 || c == 0xFFA0 // Hangul fillers
                || c == 0x2800 // braille blank
                || c == 0x180E || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0000 && c <= 0xE0FFF);
    }

    private static boolean isCombiningMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static int longestRunOfCombiningMarks(String name) {
        int longest = 0;
        int run = 0;
        for (int c : name.codePoints().toArray()) {
            run = isCombiningMark(c) ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static int width(int c) {
        if (isCombiningMark(c) || Character.getType(c) == Character.FORMAT) {
            return 0;
        }
        return isWide(c) ? 2 : 1;
    }

    /** East Asian Wide and Fullwidth ranges (Unicode UAX #11), and the emoji planes. */
    private static boolean isWide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF)
                || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF)
                || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF)
                || (c >= 0x20000 && c <= 0x3FFFD);
    }
}
