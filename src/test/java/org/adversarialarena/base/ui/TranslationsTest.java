package org.adversarialarena.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text the UI asks for exists in English, so no player ever sees a raw key. */
class TranslationsTest {

    /** A whole literal key: keys built from parts (section ids) are checked by the second test. */
    private static final Pattern LITERAL_KEY = Pattern.compile("getTranslation\\(\"([a-z0-9.\\-]+)\"\\s*[,)]");

    @Test
    void everyLiteralKeyInTheSourcesHasAnEnglishText() throws IOException {
        Properties english = english();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher key = LITERAL_KEY.matcher(Files.readString(source));
                while (key.find()) {
                    if (!english.containsKey(key.group(1))) {
                        missing.add(key.group(1) + " (" + source.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everySectionHasItsNavigationTitleAndHomeCard() throws IOException {
        Properties english = english();
        for (ArenaSection section : ArenaSection.values()) {
            assertThat(english).containsKey(section.navigationKey()).containsKey(section.id() + ".title");
            if (section != ArenaSection.HOME) {
                assertThat(english).containsKey("home." + section.id() + ".title")
                        .containsKey("home." + section.id() + ".text");
            }
        }
    }

    private static Properties english() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/translations.properties")) {
            assertThat(in).isNotNull();
            texts.load(in);
        }
        return texts;
    }
}
