package org.adversarialarena.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Suggested nicknames are two friendly words, every one of them a name the boards accept. */
class NicknameSuggestionsTest {

    @Test
    void everySuggestionIsTwoWordsAndPassesTheRulesAndTheWordFilter() {
        NicknameFilter filter = new NicknameFilter(true, List.of());
        assertThat(NicknameSuggestions.all()).hasSize(NicknameSuggestions.count());
        for (String name : NicknameSuggestions.all()) {
            assertThat(name.split(" ")).hasSize(2);
            assertThatCode(() -> filter.check(Nickname.validate(name))).as(name).doesNotThrowAnyException();
        }
        assertThat(NicknameSuggestions.suggest(new Random(1))).isIn(NicknameSuggestions.all());
    }

    @Test
    void namesThatLookTheSameShareOneKeyAndTagsTellPlayersApart() {
        assertThat(Player.sameNameKey("Alice")).isEqualTo(Player.sameNameKey("ALICE"))
                .isEqualTo(Player.sameNameKey("ａｌｉｃｅ")).isEqualTo(Player.sameNameKey(" alice "));
        assertThat(Player.sameNameKey("Straße")).isEqualTo(Player.sameNameKey("STRASSE"));
        assertThat(Player.sameNameKey("alice")).isNotEqualTo(Player.sameNameKey("alicia"));
        assertThat(Player.tagOf(71)).isEqualTo("#1z").isNotEqualTo(Player.tagOf(72));
    }
}
