package org.adversarialarena.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** A fresh installation with no admin configured prints a one-time link that creates the first admin. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = "arena.accounts.public-url=https://arena.example.org/")
class FirstAdminSetupIT {

    private static final Pattern LINK = Pattern.compile(
            "https://arena\\.example\\.org/account/link\\?token=([A-Za-z0-9_-]{43})");

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theLoggedLinkCreatesTheFirstAdminOnceAndOnlyItsHashIsStored(CapturedOutput output) {
        Matcher link = LINK.matcher(output.getAll());
        assertThat(link.find()).as("a set-up link in the log").isTrue();
        String token = link.group(1);
        assertThat(accounts.anyAccountExists()).isFalse();
        assertThat(accounts.inspect(token)).hasValueSatisfying(
                details -> assertThat(details.purpose()).isEqualTo(LinkPurpose.SETUP));
        assertThat(jdbc.queryForList("select token_hash from account_token", String.class))
                .doesNotContain(token).allMatch(hash -> hash.length() == 64);

        assertThatThrownBy(() -> accounts.completeSetup(token, "root@example.org", "Root", "password"))
                .hasMessage("account.password.common");
        accounts.completeSetup(token, "root@example.org", "Root", "a long and unusual passphrase");

        assertThat(accounts.anyAccountExists()).isTrue();
        assertThat(jdbc.queryForObject("select role || ' ' || status from account where email = 'root@example.org'",
                String.class)).isEqualTo("ADMIN ACTIVE");
        assertThat(jdbc.queryForObject("select password_hash from account where email = 'root@example.org'",
                String.class)).startsWith("{bcrypt}");
        assertThat(accounts.inspect(token)).isEmpty();
        assertThatThrownBy(() -> accounts.completeSetup(token, "evil@example.org", "Evil", "another long passphrase"))
                .hasMessage("account.link.invalid");
    }
}
