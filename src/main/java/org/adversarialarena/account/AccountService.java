package org.adversarialarena.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import org.adversarialarena.audit.AuditLog;
import org.adversarialarena.audit.AuditType;
import org.adversarialarena.base.security.ClientAddress;
import org.adversarialarena.base.security.NodeSessions;
import org.adversarialarena.base.security.SecretToken;
import org.adversarialarena.quota.RateLimit;
import org.adversarialarena.quota.RateLimiter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything done to accounts: the first admin, invitations, self-registration, password resets,
 * roles, disabling, and the second factor. Admin actions are guarded here (method security), not
 * only by the views that call them.
 */
@Service
@Transactional
@EnableConfigurationProperties(AccountProperties.class)
public class AccountService {

    private static final String ADMIN = "hasRole('ADMIN')";
    private static final String SIGNED_IN = "hasAnyRole('ADMIN', 'INSTRUCTOR', 'TOTP_SETUP')";

    private final AccountRepository accounts;
    private final AccountLinkRepository links;
    private final Settings settings;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final RateLimiter limiter;
    private final AccountProperties properties;
    private final Clock clock;
    private final boolean adminTotpRequired;
    private final PasswordPolicy passwords = PasswordPolicy.withShippedList();
    private final RateLimit codeFailures;
    private final NodeSessions sessions;

    AccountService(AccountRepository accounts, AccountLinkRepository links, Settings settings, PasswordEncoder encoder,
            AuditLog audit, RateLimiter limiter, AccountProperties properties, Clock clock, NodeSessions sessions,
            @Value("${arena.security.admin-totp-required:false}") boolean adminTotpRequired) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.links = links;
        this.settings = settings;
        this.encoder = encoder;
        this.audit = audit;
        this.limiter = limiter;
        this.properties = properties;
        this.clock = clock;
        this.adminTotpRequired = adminTotpRequired;
        this.codeFailures = new RateLimit("second-factor-account", properties.secondFactorFailures(),
                properties.signInWindow());
    }

    // ---- the first admin ----

    @Transactional(readOnly = true)
    public boolean anyAccountExists() {
        return accounts.count() > 0;
    }

    /** The admin named in the configuration, created on the first start only. */
    void createConfiguredAdmin(String email, String password) {
        String address = email(email);
        passwords.check(password, address);
        Account admin = new Account(address, address, AccountRole.ADMIN, AccountStatus.ACTIVE, clock.instant());
        admin.activate(address, encoder.encode(password), clock.instant());
        accounts.save(admin);
        audit.record(AuditType.FIRST_ADMIN_CREATED, AuditLog.SYSTEM, address, "from configuration", null);
    }

    /** A link that creates the first admin; useful only while no account exists. */
    OneTimeLink issueSetupLink() {
        String token = SecretToken.create();
        Instant expires = clock.instant().plus(properties.setupLinkValidity());
        links.save(new AccountLink(LinkPurpose.SETUP, SecretToken.hash(token), null, clock.instant(), expires));
        audit.record(AuditType.SETUP_LINK_ISSUED, AuditLog.SYSTEM, null, null, null);
        return link(LinkPurpose.SETUP, token, expires);
    }

    // ---- one-time links, used by whoever holds them ----

    /** What a link is for, if it is one we issued and it still works. */
    @Transactional(readOnly = true)
    public Optional<LinkDetails> inspect(@Nullable String token) {
        return usableLink(token).map(link -> new LinkDetails(link.purpose(),
                link.accountId() == null ? null : accounts.findById(link.accountId()).map(Account::email).orElse(null)));
    }

    public void completeSetup(String token, String email, String displayName, String password) {
        AccountLink link = use(token, LinkPurpose.SETUP);
        if (anyAccountExists()) {
            throw new AccountRefusedException("account.link.invalid");
        }
        String address = email(email);
        passwords.check(password, address);
        Account admin = new Account(address, displayName(displayName), AccountRole.ADMIN, AccountStatus.ACTIVE,
                clock.instant());
        admin.activate(displayName(displayName), encoder.encode(password), clock.instant());
        accounts.save(admin);
        link.use(clock.instant());
        audit.record(AuditType.FIRST_ADMIN_CREATED, address, address, "from the set-up link", null);
    }

    public void acceptInvite(String token, String displayName, String password) {
        AccountLink link = use(token, LinkPurpose.INVITE);
        Account account = owner(link);
        passwords.check(password, account.email());
        account.activate(displayName(displayName), encoder.encode(password), clock.instant());
        link.use(clock.instant());
        audit.record(AuditType.INVITE_ACCEPTED, account.email(), account.email(), null, null);
    }

    public void resetPassword(String token, String password) {
        AccountLink link = use(token, LinkPurpose.RESET);
        Account account = owner(link);
        passwords.check(password, account.email());
        account.changePassword(encoder.encode(password), clock.instant());
        link.use(clock.instant());
        // whoever knew the old password may be signed in with it
        announceEnd(account, audit.record(AuditType.PASSWORD_RESET, account.email(), account.email(), null, null));
    }

    // ---- self-registration ----

    @Transactional(readOnly = true)
    public boolean selfRegistrationOpen() {
        return settings.isOn(Settings.SELF_REGISTRATION);
    }

    /**
     * Registers an instructor who waits for an admin's approval. An address that has an account
     * already is answered the same way, so the form does not tell who has one.
     */
    public void register(String email, String displayName, String password) {
        if (!selfRegistrationOpen()) {
            throw new AccountRefusedException("account.register.closed");
        }
        String address = email(email);
        passwords.check(password, address);
        String name = displayName(displayName);
        if (accounts.findByEmail(address).isPresent()) {
            return;
        }
        Account account = new Account(address, name, AccountRole.INSTRUCTOR, AccountStatus.PENDING_APPROVAL,
                clock.instant());
        account.changePassword(encoder.encode(password), clock.instant());
        accounts.save(account);
        audit.record(AuditType.REGISTERED, address, address, null, null);
    }

    // ---- admin actions ----

    @PreAuthorize(ADMIN)
    @Transactional(readOnly = true)
    public List<AccountSummary> list() {
        return accounts.findAllByOrderByEmail().stream().map(Account::summary).toList();
    }

    @PreAuthorize(ADMIN)
    public void setSelfRegistration(boolean open) {
        settings.set(Settings.SELF_REGISTRATION, open);
        audit.record(AuditType.REGISTRATION_SWITCHED, null, open ? "open" : "closed");
    }

    @PreAuthorize(ADMIN)
    public OneTimeLink invite(String email, AccountRole role) {
        String address = email(email);
        if (accounts.findByEmail(address).isPresent()) {
            throw new AccountRefusedException("account.invite.exists");
        }
        Account account = accounts.save(new Account(address, address, role, AccountStatus.INVITED, clock.instant()));
        audit.record(AuditType.INVITED, address, role.name());
        return issue(account, LinkPurpose.INVITE, properties.inviteValidity());
    }

    @PreAuthorize(ADMIN)
    public OneTimeLink issueReset(long accountId) {
        Account account = account(accountId);
        audit.record(AuditType.RESET_ISSUED, account.email(), null);
        // an invited account's link is its invitation: a fresh one replaces a lost one
        LinkPurpose purpose = account.status() == AccountStatus.INVITED ? LinkPurpose.INVITE : LinkPurpose.RESET;
        return issue(account, purpose, purpose == LinkPurpose.INVITE ? properties.inviteValidity()
                : properties.resetValidity());
    }

    @PreAuthorize(ADMIN)
    public void changeRole(long accountId, AccountRole role) {
        Account account = account(accountId);
        if (account.role() == role) {
            return;
        }
        if (account.role() == AccountRole.ADMIN) {
            keepAnActiveAdmin(account);
        }
        long line = audit.record(AuditType.ROLE_CHANGED, account.email(), account.role() + " -> " + role);
        account.changeRole(role, clock.instant());
        // a session keeps the rights it signed in with: it must sign in again to get the new ones
        announceEnd(account, line);
    }

    @PreAuthorize(ADMIN)
    public void disable(long accountId) {
        Account account = account(accountId);
        if (account.email().equalsIgnoreCase(currentEmail())) {
            throw new AccountRefusedException("account.admin.not-yourself");
        }
        if (account.role() == AccountRole.ADMIN) {
            keepAnActiveAdmin(account);
        }
        account.changeStatus(AccountStatus.DISABLED, clock.instant());
        announceEnd(account, audit.record(AuditType.ACCOUNT_DISABLED, account.email(), null));
    }

    /** "Sign out everywhere": every session of the account ends, on every node. */
    @PreAuthorize(ADMIN)
    public void endSessions(long accountId) {
        Account account = account(accountId);
        announceEnd(account, audit.record(AuditType.SESSIONS_END_REQUESTED, account.email(), "by an admin"));
    }

    /** Enables a disabled account, or approves a registered one. */
    @PreAuthorize(ADMIN)
    public void enable(long accountId) {
        Account account = account(accountId);
        boolean approval = account.status() == AccountStatus.PENDING_APPROVAL;
        if (account.passwordHash() == null) {
            throw new AccountRefusedException("account.admin.no-password-yet");
        }
        account.changeStatus(AccountStatus.ACTIVE, clock.instant());
        audit.record(approval ? AuditType.REGISTRATION_APPROVED : AuditType.ACCOUNT_ENABLED, account.email(), null);
    }

    /** For someone who lost their authenticator: they sign in with the password and may set up a new one. */
    @PreAuthorize(ADMIN)
    public void removeSecondFactorOf(long accountId) {
        Account account = account(accountId);
        account.removeTotp(clock.instant());
        audit.record(AuditType.TOTP_DISABLED, account.email(), "by an admin");
    }

    // ---- the signed-in person's own account ----

    @PreAuthorize(SIGNED_IN)
    @Transactional(readOnly = true)
    public AccountSummary me() {
        return current().summary();
    }

    /**
     * Ends the signed-in person's sessions on every node except the one asking: {@code spareThisSession}
     * receives the request's version before it is announced, and marks the asking session with it.
     */
    @PreAuthorize(SIGNED_IN)
    public void endMyOtherSessions(LongConsumer spareThisSession) {
        Account account = current();
        long line = audit.record(AuditType.SESSIONS_END_REQUESTED, account.email(), "their other sessions");
        spareThisSession.accept(line);
        announceEnd(account, line);
    }

    @PreAuthorize(SIGNED_IN)
    public TotpEnrolment startTotp() {
        Account account = current();
        String secret = Totp.newSecret();
        account.startTotp(secret, clock.instant());
        return new TotpEnrolment(secret, Totp.uri(properties.totpIssuer(), account.email(), secret));
    }

    /** Turns the enrolled secret on once the person proved their app shows its codes. */
    @PreAuthorize(SIGNED_IN)
    public void confirmTotp(String code) {
        Account account = current();
        String secret = account.totpSecret();
        OptionalLong step = secret == null ? OptionalLong.empty() : Totp.matchingStep(secret, code, clock.instant());
        if (step.isEmpty()) {
            throw new AccountRefusedException("account.totp.wrong-code");
        }
        account.confirmTotp(step.getAsLong(), clock.instant());
        audit.record(AuditType.TOTP_ENABLED, account.email(), null);
    }

    @PreAuthorize(SIGNED_IN)
    public void removeTotp() {
        Account account = current();
        if (mustHaveTotp(account)) {
            throw new AccountRefusedException("account.totp.required");
        }
        account.removeTotp(clock.instant());
        audit.record(AuditType.TOTP_DISABLED, account.email(), null);
    }

    /**
     * Checks the code of the second sign-in step. Each code works once, and a few wrong ones lock the
     * step for the rest of the window, so six digits cannot be guessed.
     */
    boolean verifySecondFactor(String email, String code) {
        Account account = accounts.findByEmail(email).orElseThrow(() -> new AccountRefusedException("account.link.invalid"));
        if (!limiter.check(codeFailures, account.email().toLowerCase(Locale.ROOT)).allowed()) {
            throw new AccountRefusedException("account.signin.locked");
        }
        String secret = account.totpSecret();
        OptionalLong step = secret == null || !account.totpEnabled() ? OptionalLong.empty()
                : Totp.matchingStep(secret, code, clock.instant());
        Long last = account.totpLastStep();
        if (step.isEmpty() || (last != null && step.getAsLong() <= last)) {
            limiter.hit(codeFailures, account.email().toLowerCase(Locale.ROOT));
            audit.record(AuditType.SECOND_FACTOR_FAILED, account.email(), account.email(), null,
                    ClientAddress.current());
            return false;
        }
        account.usedTotpStep(step.getAsLong());
        limiter.clear(codeFailures, account.email().toLowerCase(Locale.ROOT));
        return true;
    }

    /**
     * The second sign-in step: for someone whose password was right and whose code is right now, the
     * account's full rights; empty for a wrong code.
     */
    public Optional<Authentication> passSecondFactor(Authentication pending, String code) {
        if (!SignInRoles.has(pending, SignInRoles.CODE_PENDING)) {
            throw new AccountRefusedException("account.link.invalid");
        }
        if (!verifySecondFactor(pending.getName(), code)) {
            return Optional.empty();
        }
        audit.record(AuditType.SIGN_IN, pending.getName(), pending.getName(), "with a second factor",
                ClientAddress.current());
        return Optional.of(fullRights(pending.getName()));
    }

    /** An admin made to set up a second factor first gets their rights once it is confirmed. */
    @PreAuthorize(SIGNED_IN)
    public Authentication confirmTotpAndSignIn(Authentication pending, String code) {
        confirmTotp(code);
        audit.record(AuditType.SIGN_IN, pending.getName(), pending.getName(), "second factor set up",
                ClientAddress.current());
        return fullRights(pending.getName());
    }

    private Authentication fullRights(String email) {
        Account account = accounts.findByEmail(email).filter(found -> found.status() == AccountStatus.ACTIVE)
                .orElseThrow(() -> new AccountRefusedException("account.link.invalid"));
        return UsernamePasswordAuthenticationToken.authenticated(
                account.email(), null, List.of(
                        new SimpleGrantedAuthority(
                                account.role().authority())));
    }

    // ---- used by the sign-in ----

    /** Only an active account with a password can sign in; the rest look like unknown addresses. */
    @Transactional(readOnly = true)
    UserDetails signInDetails(String email) {
        Account account = accounts.findByEmail(email.strip())
                .filter(found -> found.status() == AccountStatus.ACTIVE && found.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("No active account"));
        return User.withUsername(account.email()).password(account.passwordHash())
                .authorities(account.role().authority()).build();
    }

    /** The step a password sign-in leads to: straight in, a code first, or a second factor to set up. */
    @Transactional(readOnly = true)
    SignInStep stepAfterPassword(String email) {
        Account account = accounts.findByEmail(email).orElseThrow();
        if (account.totpEnabled()) {
            return SignInStep.CODE;
        }
        return mustHaveTotp(account) ? SignInStep.SET_UP_TOTP : SignInStep.SIGNED_IN;
    }

    /**
     * Whether a session with these authorities may stay signed in: the account is active and, where the
     * session holds an account role, it is still the account's role. Sessions end at once when either
     * changes (AccountSessions); this check, on each navigation, covers a node that missed that.
     */
    @Transactional(readOnly = true)
    public boolean mayStaySignedIn(String email, Collection<String> authorities) {
        boolean holdsARole = Arrays.stream(AccountRole.values()).map(AccountRole::authority).anyMatch(authorities::contains);
        return accounts.findByEmail(email).filter(account -> account.status() == AccountStatus.ACTIVE)
                .filter(account -> !holdsARole || authorities.contains(account.role().authority())).isPresent();
    }

    @Transactional(readOnly = true)
    Optional<Long> idOf(String email) {
        return accounts.findByEmail(email).map(Account::id);
    }

    @Transactional(readOnly = true)
    Optional<String> emailOf(long id) {
        return accounts.findById(id).map(Account::email);
    }

    void recordSignIn(String email) {
        accounts.findByEmail(email).ifPresent(account -> account.signedIn(clock.instant()));
    }

    // ---- helpers ----

    private boolean mustHaveTotp(Account account) {
        return adminTotpRequired && account.role() == AccountRole.ADMIN;
    }

    private OneTimeLink issue(Account account, LinkPurpose purpose, Duration validity) {
        links.retire(account.id(), purpose, clock.instant());
        String token = SecretToken.create();
        Instant expires = clock.instant().plus(validity);
        links.save(new AccountLink(purpose, SecretToken.hash(token), account.id(), clock.instant(), expires));
        return link(purpose, token, expires);
    }

    private OneTimeLink link(LinkPurpose purpose, String token, Instant expires) {
        return new OneTimeLink(purpose, properties.link(AccountPaths.LINK + "?token=" + token), expires);
    }

    private Optional<AccountLink> usableLink(@Nullable String token) {
        if (!SecretToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return links.findByTokenHash(SecretToken.hash(token)).filter(link -> link.usableAt(clock.instant()));
    }

    private AccountLink use(String token, LinkPurpose purpose) {
        return usableLink(token).filter(link -> link.purpose() == purpose)
                .orElseThrow(() -> new AccountRefusedException("account.link.invalid"));
    }

    private Account owner(AccountLink link) {
        Long id = link.accountId();
        Account account = id == null ? null : accounts.findById(id).orElse(null);
        if (account == null || account.status() == AccountStatus.DISABLED) {
            throw new AccountRefusedException("account.link.invalid");
        }
        return account;
    }

    /** Announced when this transaction commits, so a rolled-back action ends nothing. */
    private void announceEnd(Account account, long auditLine) {
        sessions.endEverywhere(AccountSessions.TOPIC, account.id(), auditLine);
    }

    private void keepAnActiveAdmin(Account admin) {
        if (admin.status() == AccountStatus.ACTIVE
                && accounts.countByRoleAndStatus(AccountRole.ADMIN, AccountStatus.ACTIVE) <= 1) {
            throw new AccountRefusedException("account.admin.last-admin");
        }
    }

    private Account account(long id) {
        return accounts.findById(id).orElseThrow(() -> new AccountRefusedException("account.admin.unknown"));
    }

    private Account current() {
        return accounts.findByEmail(currentEmail()).orElseThrow(() -> new AccountRefusedException("account.admin.unknown"));
    }

    private static String currentEmail() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "" : authentication.getName();
    }

    static String email(String email) {
        String address = email.strip();
        if (address.length() > 254 || !address.matches("[^@\\s]+@[^@\\s]+")) {
            throw new AccountRefusedException("account.email.invalid");
        }
        return address;
    }

    private static String displayName(String name) {
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > Account.MAX_DISPLAY_NAME
                || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new AccountRefusedException("account.name.invalid", Account.MAX_DISPLAY_NAME);
        }
        return stripped;
    }
}
