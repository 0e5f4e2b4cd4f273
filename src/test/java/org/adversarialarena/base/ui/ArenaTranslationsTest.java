package org.adversarialarena.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.adversarialarena.base.TranslatedText;
import org.adversarialarena.ml.image.InvalidImageException;
import org.junit.jupiter.api.Test;

/** Which text a reader gets, whatever the server's own locale, and numbers written their way. */
class ArenaTranslationsTest {

    private final ArenaTranslations translations = new ArenaTranslations();

    @Test
    void englishComesFirstAndSimplifiedChineseIsOffered() {
        assertThat(translations.getProvidedLocales()).containsExactly(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void eachReaderGetsTheirLanguageAndOthersGetEnglish() {
        assertThat(translations.getTranslation("home.title", Locale.US)).isEqualTo("Welcome to the arena");
        assertThat(translations.getTranslation("home.title", Locale.SIMPLIFIED_CHINESE)).isEqualTo("欢迎来到竞技场");
        assertThat(translations.getTranslation("home.title", Locale.TRADITIONAL_CHINESE)).isEqualTo("欢迎来到竞技场");
        assertThat(translations.getTranslation("home.title", Locale.GERMAN)).isEqualTo("Welcome to the arena");
    }

    @Test
    void aServerRunningInChineseStillAnswersEnglishReadersInEnglish() {
        Locale server = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThat(translations.getTranslation("home.title", Locale.ENGLISH)).isEqualTo("Welcome to the arena");
        } finally {
            Locale.setDefault(server);
        }
    }

    @Test
    void aReasonFromALowerLayerIsSaidInTheReadersLanguageToo() {
        InvalidImageException refused = new InvalidImageException(InvalidImageException.Problem.NOT_FINITE,
                "Pixel 12 is NaN; pixels must be finite numbers.", 12);
        TranslatedText reason = new TranslatedText(refused.problem().key(), refused.arguments());

        assertThat(translations.getTranslation("fool.rejected.invalid-image", Locale.ENGLISH, reason))
                .isEqualTo("The image was not accepted: Pixel 12 is not a number.");
        assertThat(translations.getTranslation("fool.rejected.invalid-image", Locale.SIMPLIFIED_CHINESE, reason))
                .contains("像素 12 不是数字。").doesNotContain("Pixel");
    }

    @Test
    void argumentsAreFilledInTheReadersLanguage() {
        assertThat(translations.getTranslation("leaderboard.personal-best", Locale.SIMPLIFIED_CHINESE, "12.5", 1234))
                .isEqualTo("你的最好成绩：12.5 分（第 1,234 名）");
        assertThat(translations.getTranslation("forge.final.summary", Locale.ENGLISH, 1, 0))
                .isEqualTo("1 forgery judged again; 0 still fool the detective.");
    }

    @Test
    void anUnknownKeyShowsAsAKeyNotAsAnError() {
        assertThat(translations.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key");
    }

    @Test
    void numbersAndTimesAreWrittenTheReadersWay() {
        assertThat(LocalFormat.decimal(Locale.ENGLISH, 1234.567, 1)).isEqualTo("1,234.6");
        assertThat(LocalFormat.decimal(Locale.GERMAN, 1234.567, 1)).isEqualTo("1.234,6");
        assertThat(LocalFormat.decimal(Locale.SIMPLIFIED_CHINESE, 0.5, 2)).isEqualTo("0.50");
        Instant moment = Instant.parse("2026-12-06T17:05:00Z");
        assertThat(LocalFormat.dateTime(Locale.SIMPLIFIED_CHINESE, moment, ZoneOffset.UTC)).contains("2026年12月6日")
                .contains("17:05");
        assertThat(LocalFormat.dateTime(Locale.ENGLISH, moment, ZoneOffset.UTC)).contains("Dec 6, 2026").contains("5:05");
    }

    @Test
    void aRememberedLanguageIsReadOnlyIfTheArenaOffersIt() {
        assertThat(ArenaTranslations.offered(Locale.forLanguageTag("zh-Hans"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(ArenaTranslations.offered(Locale.forLanguageTag("fr"))).isEqualTo(Locale.ENGLISH);
        assertThat(LanguageChoice.cookie(Locale.SIMPLIFIED_CHINESE)).startsWith("arena-language=zh-CN;");
    }
}
