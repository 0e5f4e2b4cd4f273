package org.adversarialarena.player;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NicknameFilterTest {

    private final NicknameFilter filter = new NicknameFilter(true, List.of("badger badger"));

    @Test
    void refusesEnglishWordsFromTheShippedListWithAFriendlyReason() {
        for (String name : new String[] {"fuck", "Big FUCK", "x_bastard_x", "motherfucker99", "ＦＵＣＫ"}) {
            assertThatThrownBy(() -> filter.check(name)).as(name).isInstanceOf(NicknameRefusedException.class)
                    .extracting(e -> ((NicknameRefusedException) e).messageKey()).isEqualTo("player.nickname.offensive");
        }
    }

    @Test
    void refusesSimplifiedChineseWordsAnywhereInTheName() {
        assertThatThrownBy(() -> filter.check("我是下三烂")).isInstanceOf(NicknameRefusedException.class);
    }

    @Test
    void letsInnocentNamesThatContainShortWordsPass() {
        for (String name : new String[] {"Scunthorpe", "assassin", "classic", "乳酪", "Cockburn", "ada"}) {
            assertThatCode(() -> filter.check(name)).as(name).doesNotThrowAnyException();
        }
    }

    @Test
    void configuredWordsAreRefusedToo() {
        assertThatThrownBy(() -> filter.check("Badger  badger!")).isInstanceOf(NicknameRefusedException.class);
        assertThatCode(() -> filter.check("badger")).doesNotThrowAnyException();
    }

    @Test
    void theFilterCanBeSwitchedOff() {
        assertThatCode(() -> new NicknameFilter(false, List.of()).check("fuck")).doesNotThrowAnyException();
    }
}
