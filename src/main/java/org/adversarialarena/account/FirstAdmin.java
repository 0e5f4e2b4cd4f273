package org.adversarialarena.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Makes sure a fresh installation can be administered: while no account exists, the admin named by
 * {@code arena.admin.email} and {@code arena.admin.password} is created, or, when none is named, a
 * one-time set-up link is printed to the log. The repository ships no default password.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private final AccountService accounts;
    private final String email;
    private final String password;

    FirstAdmin(AccountService accounts, @Value("${arena.admin.email:}") String email,
            @Value("${arena.admin.password:}") String password) {
        this.accounts = accounts;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyAccountExists()) {
            return;
        }
        if (!email.isBlank() && !password.isEmpty()) {
            createConfigured();
            return;
        }
        OneTimeLink link = accounts.issueSetupLink();
        LOG.warn("No account exists yet. To create the first admin, open {} (valid until {}), or start the app "
                + "with arena.admin.email and arena.admin.password set.", link.url(), link.expires());
    }

    private void createConfigured() {
        try {
            accounts.createConfiguredAdmin(email, password);
            LOG.info("Created the first admin, {}, from arena.admin.email", email);
        } catch (AccountRefusedException e) {
            throw new IllegalStateException("arena.admin.password is refused (" + e.key()
                    + "): choose a password of at least " + PasswordPolicy.MIN_LENGTH
                    + " characters that is not a common one", e);
        } catch (DataIntegrityViolationException e) {
            LOG.info("Another node created the first admin at the same time");
        }
    }
}
