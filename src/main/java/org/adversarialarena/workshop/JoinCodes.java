package org.adversarialarena.workshop;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Six-digit join codes, drawn from a cryptographic generator so that one run's code says nothing
 * about the next. Unique among runs that are not finished (a partial unique index; the service
 * draws again on a clash).
 */
final class JoinCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("\\d{6}");

    private JoinCodes() {
    }

    static String next() {
        return String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
    }

    /** The code as typed, without spaces; whether it has the shape of a code. */
    static String normalise(String typed) {
        return typed.replaceAll("\\s+", "");
    }

    static boolean isWellFormed(String code) {
        return FORMAT.matcher(code).matches();
    }
}
