package org.adversarialarena.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A one-time link as stored: the hash of its secret, what it is for, whose it is and until when. */
@Entity
@Table(name = "account_token")
class AccountLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private LinkPurpose purpose;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "account_id")
    private @Nullable Long accountId;

    @Column(name = "created_at", nullable = false)
    private Instant created;

    @Column(name = "expires_at", nullable = false)
    private Instant expires;

    @Column(name = "used_at")
    private @Nullable Instant used;

    protected AccountLink() {
        this.purpose = LinkPurpose.RESET;
        this.tokenHash = "";
        this.created = Instant.EPOCH;
        this.expires = Instant.EPOCH;
    }

    AccountLink(LinkPurpose purpose, String tokenHash, @Nullable Long accountId, Instant now, Instant expires) {
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.accountId = accountId;
        this.created = now;
        this.expires = expires;
    }

    LinkPurpose purpose() {
        return purpose;
    }

    @Nullable Long accountId() {
        return accountId;
    }

    boolean usableAt(Instant now) {
        return used == null && now.isBefore(expires);
    }

    void use(Instant now) {
        this.used = now;
    }
}
