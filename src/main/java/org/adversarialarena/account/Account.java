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

/** An instructor's or admin's account. Students never have one. */
@Entity
@Table(name = "account")
class Account {

    static final int MAX_DISPLAY_NAME = 80;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = MAX_DISPLAY_NAME)
    private String displayName;

    @Column(name = "password_hash")
    private @Nullable String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccountRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccountStatus status;

    @Column(name = "totp_secret", length = 64)
    private @Nullable String totpSecret;

    @Column(name = "totp_enabled", nullable = false)
    private boolean totpEnabled;

    @Column(name = "totp_last_step")
    private @Nullable Long totpLastStep;

    @Column(name = "created_at", nullable = false)
    private Instant created;

    @Column(name = "updated_at", nullable = false)
    private Instant updated;

    @Column(name = "last_sign_in")
    private @Nullable Instant lastSignIn;

    protected Account() {
        this.email = "";
        this.displayName = "";
        this.role = AccountRole.INSTRUCTOR;
        this.status = AccountStatus.DISABLED;
        this.created = Instant.EPOCH;
        this.updated = Instant.EPOCH;
    }

    Account(String email, String displayName, AccountRole role, AccountStatus status, Instant now) {
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.status = status;
        this.created = now;
        this.updated = now;
    }

    AccountSummary summary() {
        return new AccountSummary(id(), email, displayName, role, status, totpEnabled, created, lastSignIn);
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("The account is not saved yet");
        }
        return id;
    }

    String email() {
        return email;
    }

    String displayName() {
        return displayName;
    }

    @Nullable String passwordHash() {
        return passwordHash;
    }

    AccountRole role() {
        return role;
    }

    AccountStatus status() {
        return status;
    }

    @Nullable String totpSecret() {
        return totpSecret;
    }

    boolean totpEnabled() {
        return totpEnabled;
    }

    @Nullable Long totpLastStep() {
        return totpLastStep;
    }

    void activate(String displayName, String passwordHash, Instant now) {
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.status = AccountStatus.ACTIVE;
        this.updated = now;
    }

    void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.updated = now;
    }

    void changeRole(AccountRole role, Instant now) {
        this.role = role;
        this.updated = now;
    }

    void changeStatus(AccountStatus status, Instant now) {
        this.status = status;
        this.updated = now;
    }

    void signedIn(Instant now) {
        this.lastSignIn = now;
    }

    /** A secret being enrolled: it counts only once a code from it was confirmed. */
    void startTotp(String secret, Instant now) {
        this.totpSecret = secret;
        this.totpEnabled = false;
        this.totpLastStep = null;
        this.updated = now;
    }

    void confirmTotp(long step, Instant now) {
        this.totpEnabled = true;
        this.totpLastStep = step;
        this.updated = now;
    }

    void usedTotpStep(long step) {
        this.totpLastStep = step;
    }

    void removeTotp(Instant now) {
        this.totpSecret = null;
        this.totpEnabled = false;
        this.totpLastStep = null;
        this.updated = now;
    }
}
