package org.adversarialarena.account;

import java.time.Instant;

/** A link to hand to someone (an invitation, a reset): shown once, then only its hash is kept. */
public record OneTimeLink(LinkPurpose purpose, String url, Instant expires) {
}
