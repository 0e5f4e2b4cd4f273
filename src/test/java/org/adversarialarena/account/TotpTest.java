package org.adversarialarena.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238 appendix B's SHA-1 seed. */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void reproducesTheRfc6238TestVectors(long unixSeconds, String expected) {
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(unixSeconds)), 8)).isEqualTo(expected);
    }

    @Test
    void reproducesTheRfc4226HotpValuesForTheFirstCounters() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314"};
        for (int counter = 0; counter < expected.length; counter++) {
            assertThat(Totp.code(RFC_KEY, counter, 6)).as("counter %d", counter).isEqualTo(expected[counter]);
        }
    }

    @Test
    void acceptsTheCodeOfTheStepBeforeAndAfterButNotFurther() {
        String secret = Base32.encode(RFC_KEY);
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long step = Totp.step(now);
        for (long drift = -1; drift <= 1; drift++) {
            String code = Totp.code(RFC_KEY, step + drift, Totp.DIGITS);
            assertThat(Totp.matchingStep(secret, code, now)).hasValue(step + drift);
        }
        assertThat(Totp.matchingStep(secret, Totp.code(RFC_KEY, step + 2, Totp.DIGITS), now)).isEmpty();
        assertThat(Totp.matchingStep(secret, Totp.code(RFC_KEY, step - 2, Totp.DIGITS), now)).isEmpty();
    }

    @Test
    void refusesCodesThatAreNotSixDigits() {
        String secret = Totp.newSecret();
        Instant now = Instant.now();
        assertThat(Totp.matchingStep(secret, "", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "abcdef", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "1234567", now)).isEmpty();
    }

    @Test
    void aNewSecretHas160BitsInBase32AndRoundTrips() {
        String secret = Totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Base32.decode(secret)).hasSize(20);
        assertThat(Base32.encode(Base32.decode(secret))).isEqualTo(secret);
    }

    @Test
    void base32MatchesRfc4648() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(new String(Base32.decode("MZXW6YQ="), StandardCharsets.US_ASCII)).isEqualTo("foob");
    }

    @Test
    void theUriNamesIssuerAccountAndParameters() {
        assertThat(Totp.uri("Adversarial Arena", "ada@example.org", "JBSWY3DPEHPK3PXP")).isEqualTo(
                "otpauth://totp/Adversarial%20Arena:ada%40example.org?secret=JBSWY3DPEHPK3PXP"
                        + "&issuer=Adversarial%20Arena&algorithm=SHA1&digits=6&period=30");
    }
}
