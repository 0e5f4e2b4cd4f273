package org.adversarialarena.account;

/** A second factor being set up: the secret to type in, or the otpauth URI to import. */
public record TotpEnrolment(String secret, String uri) {
}
