package org.adversarialarena.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.withShippedList();

    @Test
    void theShippedListHasThousandsOfCommonPasswords() {
        assertThat(policy.commonPasswordCount()).isGreaterThan(10_000);
    }

    @Test
    void refusesPasswordsShorterThanEightCharacters() {
        assertThatThrownBy(() -> policy.check("x7#Qp2!", "a@b.c")).isInstanceOf(AccountRefusedException.class)
                .hasMessage("account.password.too-short");
    }

    @Test
    void acceptsLongPassphrasesAndAnyCharacterWithoutCompositionRules() {
        assertThatCode(() -> policy.check("correct horse battery staple ".repeat(2), "a@b.c")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("x".repeat(64) + "y", "a@b.c")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("对抗竞技场的口令很长", "a@b.c")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("onlylowercaseletters", "a@b.c")).doesNotThrowAnyException();
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // four emoji are eight UTF-16 units but four characters
        assertThatThrownBy(() -> policy.check("😀😀😀😀", "a@b.c")).hasMessage("account.password.too-short");
    }

    @Test
    void refusesAbsurdlyLongPasswords() {
        assertThatThrownBy(() -> policy.check("x".repeat(129), "a@b.c")).hasMessage("account.password.too-long");
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertThatThrownBy(() -> policy.check("password", "a@b.c")).hasMessage("account.password.common");
        assertThatThrownBy(() -> policy.check("Baseball", "a@b.c")).hasMessage("account.password.common");
        assertThatThrownBy(() -> policy.check("TRUSTNO1", "a@b.c")).hasMessage("account.password.common");
    }

    @Test
    void refusesTheAccountsOwnEmailAddress() {
        assertThatThrownBy(() -> policy.check("Ada@Example.org", "ada@example.org")).hasMessage("account.password.common");
    }
}
