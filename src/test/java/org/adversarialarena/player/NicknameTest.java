package org.adversarialarena.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NicknameTest {

    @Test
    void isNormalisedToNfcSoLookAlikeSpellingsAreOneName() {
        String decomposed = "Ame\u0301lie";
        assertThat(Nickname.validate(decomposed)).isEqualTo("Amélie").hasSize(6);
    }

    @Test
    void invisibleOnlyNamesAreRefused() {
        for (String invisible : new String[] {"\u200B\u200B", "\u3164", "\u2800\u2800", "\u115F\u1160", "\uFFA0",
                "\u200D", "\u0301\u0301", "\u00A0\u2003"}) {
            assertThatThrownBy(() -> Nickname.validate(invisible)).as("U+%04X", (int) invisible.charAt(0))
                    .isInstanceOf(NicknameRefusedException.class)
                    .extracting(e -> ((NicknameRefusedException) e).messageKey()).isEqualTo("player.nickname.blank");
        }
    }

    @Test
    void directionOverridesAndIsolatesAreRefused() {
        for (String reversed : new String[] {"\u202Eevil\u202Cgnp.exe", "a\u2066b", "x\u200Fy", "\u202Dabc"}) {
            assertThatThrownBy(() -> Nickname.validate(reversed)).isInstanceOf(NicknameRefusedException.class)
                    .extracting(e -> ((NicknameRefusedException) e).messageKey()).isEqualTo("player.nickname.control");
        }
    }

    @Test
    void zalgoStacksAreRefusedButVietnameseAccentsPass() {
        assertThatThrownBy(() -> Nickname.validate("Z\u0351\u0352\u0357\u0358\u035Ealgo"))
                .extracting(e -> ((NicknameRefusedException) e).messageKey()).isEqualTo("player.nickname.marks");
        assertThat(Nickname.validate("Nguyễn Thị Ánh")).isEqualTo("Nguyễn Thị Ánh");
        // decomposed Vietnamese: two marks on one letter
        assertThat(Nickname.validate("Vie\u0302\u0323t")).isEqualTo("Việt");
    }

    @Test
    void wideCharactersCountDoubleTowardsTheWidth() {
        assertThat(Nickname.displayWidth("ada")).isEqualTo(3);
        assertThat(Nickname.displayWidth("对抗")).isEqualTo(4);
        assertThat(Nickname.validate("对".repeat(12))).hasSize(12);
        assertThatThrownBy(() -> Nickname.validate("对".repeat(13)))
                .extracting(e -> ((NicknameRefusedException) e).messageKey()).isEqualTo("player.nickname.too-wide");
        assertThatThrownBy(() -> Nickname.validate("Ｗ".repeat(40))).isInstanceOf(NicknameRefusedException.class);
        assertThat(Nickname.validate("x".repeat(24))).hasSize(24);
        assertThatThrownBy(() -> Nickname.validate("x".repeat(25))).isInstanceOf(NicknameRefusedException.class);
    }

    @Test
    void ordinaryNamesInManyScriptsPass() {
        for (String name : new String[] {"ada", "Grace Hopper", "李明", "Ålesund-42", "Ζωή", "محمد", "🦊 fox",
                "👩‍💻 coder"}) {
            assertThat(Nickname.validate(name)).isEqualTo(name);
        }
    }

    @Test
    void controlCharactersAreRefused() {
        assertThatThrownBy(() -> Nickname.validate("a\u0007b")).extracting(
                e -> ((NicknameRefusedException) e).messageKey()).isEqualTo("player.nickname.control");
    }
}
