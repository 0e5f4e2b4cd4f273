package org.adversarialarena.player;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses offensive nicknames, with lists of English and Simplified Chinese words shipped as
 * resources plus any words configured in {@code arena.nicknames.blocked-words}. English words are
 * matched as whole words (so "Scunthorpe" and "assassin" pass), and long ones also inside other
 * letters; Chinese words anywhere in the name, since Chinese has no spaces.
 */
@Component
class NicknameFilter {

    private static final String[] LISTS = {"/player/blocked-words-en.txt", "/player/blocked-words-zh.txt"};
    /** English entries at least this long are also found run together with other letters. */
    private static final int INSIDE_WORDS_FROM = 6;

    private final boolean enabled;
    private final Set<String> wholeWords = new HashSet<>();
    private final List<String> anywhere = new ArrayList<>();

    NicknameFilter(@Value("${arena.nicknames.word-filter:true}") boolean enabled,
            @Value("${arena.nicknames.blocked-words:}") List<String> extraWords) {
        this.enabled = enabled;
        for (String list : LISTS) {
            read(list).forEach(this::add);
        }
        extraWords.forEach(this::add);
    }

    /** Throws {@link NicknameRefusedException} when the (already validated) name contains a blocked word. */
    void check(String nickname) {
        if (!enabled) {
            return;
        }
        String words = " " + folded(nickname).replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
        String letters = words.replace(" ", "");
        for (String blocked : anywhere) {
            if (letters.contains(blocked)) {
                throw refusal();
            }
        }
        for (String blocked : wholeWords) {
            if (words.contains(" " + blocked + " ")) {
                throw refusal();
            }
        }
    }

    private void add(String entry) {
        String word = folded(entry).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        if (word.isEmpty()) {
            return;
        }
        boolean latin = word.chars().allMatch(c -> c < 0x2E80);
        if (!latin || (!word.contains(" ") && word.length() >= INSIDE_WORDS_FROM)) {
            anywhere.add(word.replace(" ", ""));
        }
        wholeWords.add(word);
    }

    private static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static NicknameRefusedException refusal() {
        return new NicknameRefusedException("player.nickname.offensive", "This nickname is not allowed");
    }

    private static List<String> read(String resource) {
        try (InputStream in = NicknameFilter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            List<String> entries = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith("# ") && !line.isBlank()) {
                    entries.add(line);
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
