package org.adversarialarena.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * English and Simplified Chinese say the same things: the same keys, the same arguments, and texts
 * that {@link MessageFormat} reads the way their writer meant (docs/i18n.md).
 */
class TranslationParityTest {

    static final String ENGLISH = "/vaadin-i18n/translations.properties";
    static final String CHINESE = "/vaadin-i18n/translations_zh_CN.properties";

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN_WORD = Pattern.compile("\\b\\p{IsLatin}{3,}\\b");
    /** Names that stay as they are in Chinese texts too (docs/i18n.md, glossary). */
    private static final Set<String> NAMES = Set.of("Fashion-MNIST");

    @Test
    void everyEnglishKeyHasAChineseTextAndNoOther() throws IOException {
        Set<String> english = read(ENGLISH).keySet();
        Set<String> chinese = read(CHINESE).keySet();
        assertThat(difference(english, chinese)).as("keys missing from " + CHINESE).isEmpty();
        assertThat(difference(chinese, english)).as("keys in " + CHINESE + " that English lacks").isEmpty();
    }

    @Test
    void bothTextsOfAKeyTakeTheSameArguments() throws IOException {
        Map<String, String> english = read(ENGLISH);
        Map<String, String> chinese = read(CHINESE);
        Set<String> mismatched = new TreeSet<>();
        english.forEach((key, text) -> {
            String translated = chinese.get(key);
            if (translated != null && !arguments(text).equals(arguments(translated))) {
                mismatched.add(key + ": " + arguments(text) + " vs " + arguments(translated));
            }
        });
        assertThat(mismatched).isEmpty();
    }

    @Test
    void apostrophesReadAsTheirWriterMeant() throws IOException {
        Set<String> wrong = new TreeSet<>();
        for (String file : List.of(ENGLISH, CHINESE)) {
            read(file).forEach((key, text) -> apostropheProblem(text).ifPresent(p -> wrong.add(file + " " + key + ": " + p)));
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void noKeyIsWrittenTwiceInAFile() throws IOException {
        for (String file : List.of(ENGLISH, CHINESE)) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String line : lines(file)) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
                    counts.merge(trimmed.substring(0, trimmed.indexOf('=')).strip(), 1, Integer::sum);
                }
            }
            assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                    .as("keys written twice in " + file).isEmpty();
        }
    }

    /** An English sentence copied into the Chinese file unchanged: no Chinese character, several words. */
    @Test
    void noChineseTextIsLeftInEnglish() throws IOException {
        Map<String, String> chinese = read(CHINESE);
        Set<String> untranslated = chinese.entrySet().stream()
                .filter(e -> !NAMES.contains(e.getValue()))
                .filter(e -> !CJK.matcher(e.getValue()).find() && LATIN_WORD.matcher(e.getValue()).results().count() >= 2)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(untranslated).isEmpty();
    }

    @Test
    void theCheckCatchesWhatItIsFor() {
        assertThat(difference(Set.of("a", "b"), Set.of("a"))).containsExactly("b");
        assertThat(arguments("{0} of {1}")).isNotEqualTo(arguments("{0} / {2}"));
        assertThat(arguments("{0,choice,0#none|1#one|1<{0} many} and {1}")).isEqualTo(arguments("{0} 和 {1}"));
        assertThat(apostropheProblem("Don't lose {0}")).isPresent();
        assertThat(apostropheProblem("Don''t lose {0}")).isEmpty();
        assertThat(apostropheProblem("Don't worry")).isEmpty();
        assertThat(apostropheProblem("Don''t worry")).isPresent();
        assertThat(apostropheProblem("{0 broken")).isPresent();
    }

    private static Set<String> difference(Set<String> of, Set<String> without) {
        Set<String> result = new TreeSet<>(of);
        result.removeAll(without);
        return result;
    }

    private static Set<Integer> arguments(String text) {
        Matcher argument = ARGUMENT.matcher(text);
        Set<Integer> indexes = new TreeSet<>();
        while (argument.find()) {
            indexes.add(Integer.parseInt(argument.group(1)));
        }
        return indexes;
    }

    /**
     * The provider runs a text through MessageFormat only when it is given arguments: there a lone '
     * starts a quotation that swallows text and arguments, and a typed apostrophe must be written ''.
     * Texts without arguments are shown as written, so '' would show twice.
     */
    private static Optional<String> apostropheProblem(String text) {
        if (arguments(text).isEmpty() && !text.contains("{")) {
            return text.contains("''") ? Optional.of("'' in a text without arguments shows twice")
                    : Optional.empty();
        }
        try {
            new MessageFormat(text);
        } catch (IllegalArgumentException e) {
            return Optional.of("MessageFormat cannot read it: " + e.getMessage());
        }
        return text.replace("''", "").contains("'")
                ? Optional.of("a lone ' in a text with arguments: write '' for an apostrophe")
                : Optional.empty();
    }

    static Map<String, String> read(String file) throws IOException {
        Properties texts = new Properties();
        try (Reader in = reader(file)) {
            texts.load(in);
        }
        Map<String, String> result = new LinkedHashMap<>();
        texts.stringPropertyNames().forEach(key -> result.put(key, texts.getProperty(key)));
        return result;
    }

    private static List<String> lines(String file) throws IOException {
        try (Reader in = reader(file)) {
            return new BufferedReader(in).lines().toList();
        }
    }

    /** Strict UTF-8, as ResourceBundle reads the files: a stray Latin-1 byte fails here instead of showing as garbage. */
    private static Reader reader(String file) {
        InputStream in = TranslationParityTest.class.getResourceAsStream(file);
        assertThat(in).as(file).isNotNull();
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
