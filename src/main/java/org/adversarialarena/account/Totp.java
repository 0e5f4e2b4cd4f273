package org.adversarialarena.account;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP) with HMAC-SHA1, 30-second steps and
 * six digits: the parameters every authenticator app supports. A code is accepted one step early or
 * late, so a phone clock a little off still works.
 */
public final class Totp {

    static final int DIGITS = 6;
    private static final long STEP_SECONDS = 30;
    private static final int SECRET_BYTES = 20;
    private static final int TOLERATED_STEPS = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A new secret of 160 bits (RFC 4226's recommendation), base32 as the apps want it. */
    static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return Base32.encode(secret);
    }

    /** The code an authenticator app shows at {@code time} for a base32 secret (tests sign in with it). */
    public static String codeAt(String secret, Instant time) {
        return code(Base32.decode(secret), step(time), DIGITS);
    }

    static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /** RFC 4226 section 5.3: HMAC of the counter, dynamic truncation, the last {@code digits} decimals. */
    static String code(byte[] key, long step, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int modulus = (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", binary % modulus);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA1", e);
        }
    }

    /** The step whose code {@code code} is, within the tolerated drift of {@code now}; empty if none. */
    static OptionalLong matchingStep(String secret, String code, Instant now) {
        String digits = code.strip().replace(" ", "");
        if (!digits.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        byte[] key = Base32.decode(secret);
        long current = step(now);
        for (long step = current - TOLERATED_STEPS; step <= current + TOLERATED_STEPS; step++) {
            if (java.security.MessageDigest.isEqual(code(key, step, DIGITS).getBytes(StandardCharsets.US_ASCII),
                    digits.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The Key URI Format authenticator apps import (as text or as a QR code of this text). */
    static String uri(String issuer, String accountName, String secret) {
        String label = encode(issuer) + ":" + encode(accountName);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
