package org.adversarialarena.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * NIST SP 800-63B's rules, which ASVS follows: long enough, long passwords and every character
 * allowed, not a well-known password, and no composition rules (they make passwords worse).
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;
    private static final String COMMON_PASSWORDS = "/account/common-passwords.txt";

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = common;
    }

    static PasswordPolicy withShippedList() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the classpath");
            }
            Set<String> common = new HashSet<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith("# ") && !line.isEmpty()) {
                    common.add(line.toLowerCase(Locale.ROOT));
                }
            }
            return new PasswordPolicy(Set.copyOf(common));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int commonPasswordCount() {
        return common.size();
    }

    /** Refuses a password the rules reject, naming the rule; the e-mail address is no password either. */
    void check(String password, String email) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new AccountRefusedException("account.password.too-short", MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            throw new AccountRefusedException("account.password.too-long", MAX_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || lower.equals(email.toLowerCase(Locale.ROOT))) {
            throw new AccountRefusedException("account.password.common");
        }
    }
}
