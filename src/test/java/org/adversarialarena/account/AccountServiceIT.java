package org.adversarialarena.account;

import static org.adversarialarena.account.Accounts.PASSWORD;
import static org.adversarialarena.account.Accounts.actAs;
import static org.adversarialarena.account.Accounts.actAsNobody;
import static org.adversarialarena.account.Accounts.activeInstructor;
import static org.adversarialarena.account.Accounts.audited;
import static org.adversarialarena.account.Accounts.freshEmail;
import static org.adversarialarena.account.Accounts.idOf;
import static org.adversarialarena.account.Accounts.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.adversarialarena.audit.AuditType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

@SpringBootTest
class AccountServiceIT {

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    private String admin;

    @BeforeEach
    void anAdmin() {
        admin = freshEmail("admin");
        accounts.createConfiguredAdmin(admin, PASSWORD);
        actAs(admin, "ADMIN");
    }

    @AfterEach
    void nobody() {
        actAsNobody();
    }

    @Test
    void anInvitedInstructorSetsAPasswordWithTheLinkAndBecomesActive() {
        String email = freshEmail("grace");
        OneTimeLink invitation = accounts.invite(email, AccountRole.INSTRUCTOR);
        assertThat(invitation.url()).startsWith("/account/link?token=");
        assertThat(invitation.expires()).isAfter(Instant.now().plusSeconds(6 * 24 * 3600));
        assertThat(status(email)).isEqualTo("INVITED");
        actAsNobody();

        assertThat(accounts.inspect(tokenOf(invitation))).hasValueSatisfying(link -> {
            assertThat(link.purpose()).isEqualTo(LinkPurpose.INVITE);
            assertThat(link.email()).isEqualTo(email);
        });
        assertThatThrownBy(() -> accounts.acceptInvite(tokenOf(invitation), "Grace", "12345678"))
                .hasMessage("account.password.common");
        accounts.acceptInvite(tokenOf(invitation), "Grace Hopper", PASSWORD);

        assertThat(status(email)).isEqualTo("ACTIVE");
        assertThatThrownBy(() -> accounts.acceptInvite(tokenOf(invitation), "Mallory", PASSWORD))
                .hasMessage("account.link.invalid");
        assertThat(audited(jdbc, AuditType.INVITED, email)).isOne();
        assertThat(audited(jdbc, AuditType.INVITE_ACCEPTED, email)).isOne();
    }

    @Test
    void anExpiredLinkDoesNotWork() {
        String email = freshEmail("late");
        OneTimeLink invitation = accounts.invite(email, AccountRole.INSTRUCTOR);
        jdbc.update("update account_token set expires_at = now() - interval '1 minute' where token_hash = ?",
                org.adversarialarena.base.security.SecretToken.hash(tokenOf(invitation)));
        actAsNobody();

        assertThat(accounts.inspect(tokenOf(invitation))).isEmpty();
        assertThatThrownBy(() -> accounts.acceptInvite(tokenOf(invitation), "Late", PASSWORD))
                .hasMessage("account.link.invalid");
    }

    @Test
    void aResetLinkSetsANewPasswordAndANewerLinkRetiresTheOlder() {
        String email = activeInstructor(accounts, admin, "ada");
        long id = idOf(jdbc, email);
        actAs(admin, "ADMIN");
        OneTimeLink first = accounts.issueReset(id);
        OneTimeLink second = accounts.issueReset(id);
        String before = hash(email);
        actAsNobody();

        assertThat(accounts.inspect(tokenOf(first))).isEmpty();
        assertThatThrownBy(() -> accounts.resetPassword(tokenOf(first), "another long passphrase"))
                .hasMessage("account.link.invalid");
        accounts.resetPassword(tokenOf(second), "another long passphrase");
        assertThat(hash(email)).isNotEqualTo(before).startsWith("{bcrypt}");
        assertThat(audited(jdbc, AuditType.PASSWORD_RESET, email)).isOne();
    }

    @Test
    void adminActionsAreRefusedToAnonymousVisitorsAndInstructors() {
        String instructor = activeInstructor(accounts, admin, "eve");
        actAsNobody();
        assertThatThrownBy(() -> accounts.invite(freshEmail("x"), AccountRole.ADMIN))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> accounts.list()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);

        actAs(instructor, "INSTRUCTOR");
        assertThatThrownBy(() -> accounts.invite(freshEmail("x"), AccountRole.ADMIN))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.changeRole(idOf(jdbc, instructor), AccountRole.ADMIN))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.issueReset(idOf(jdbc, admin))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.setSelfRegistration(true)).isInstanceOf(AccessDeniedException.class);
        assertThat(accounts.me().email()).isEqualTo(instructor);
    }

    @Test
    void rolesChangeAndAreAuditedButTheLastActiveAdminStays() {
        String instructor = activeInstructor(accounts, admin, "barbara");
        actAs(admin, "ADMIN");
        accounts.changeRole(idOf(jdbc, instructor), AccountRole.ADMIN);
        assertThat(jdbc.queryForObject("select role from account where email = ?", String.class, instructor))
                .isEqualTo("ADMIN");
        assertThat(audited(jdbc, AuditType.ROLE_CHANGED, instructor)).isOne();

        accounts.changeRole(idOf(jdbc, instructor), AccountRole.INSTRUCTOR);
        assertThatThrownBy(() -> accounts.disable(idOf(jdbc, admin))).hasMessage("account.admin.not-yourself");
        // every other admin of this shared test database steps aside: this one is the last
        jdbc.update("update account set status = 'DISABLED' where role = 'ADMIN' and email <> ?", admin);
        assertThatThrownBy(() -> accounts.changeRole(idOf(jdbc, admin), AccountRole.INSTRUCTOR))
                .hasMessage("account.admin.last-admin");
    }

    @Test
    void aDisabledAccountIsNoLongerActiveAndCanBeEnabledAgain() {
        String instructor = activeInstructor(accounts, admin, "linus");
        actAs(admin, "ADMIN");
        accounts.disable(idOf(jdbc, instructor));
        assertThat(status(instructor)).isEqualTo("DISABLED");
        accounts.enable(idOf(jdbc, instructor));
        assertThat(status(instructor)).isEqualTo("ACTIVE");
        assertThat(audited(jdbc, AuditType.ACCOUNT_DISABLED, instructor)).isOne();
    }

    @Test
    void selfRegistrationWaitsForApprovalAndIsRefusedWhileClosed() {
        String email = freshEmail("margaret");
        accounts.setSelfRegistration(false);
        actAsNobody();
        assertThatThrownBy(() -> accounts.register(email, "Margaret", PASSWORD)).hasMessage("account.register.closed");

        actAs(admin, "ADMIN");
        accounts.setSelfRegistration(true);
        actAsNobody();
        accounts.register(email, "Margaret", PASSWORD);
        assertThat(status(email)).isEqualTo("PENDING_APPROVAL");
        // the same address again is answered alike and changes nothing
        accounts.register(email.toUpperCase(), "Someone else", "yet another long passphrase");
        assertThat(jdbc.queryForObject("select count(*) from account where lower(email) = lower(?)", Integer.class,
                email)).isOne();

        actAs(admin, "ADMIN");
        accounts.enable(idOf(jdbc, email));
        accounts.setSelfRegistration(false);
        assertThat(status(email)).isEqualTo("ACTIVE");
        assertThat(audited(jdbc, AuditType.REGISTRATION_APPROVED, email)).isOne();
    }

    @Test
    void anAdminRemovesTheSecondFactorOfSomeoneWhoLostTheirPhone() {
        String instructor = activeInstructor(accounts, admin, "lost");
        actAs(instructor, "INSTRUCTOR");
        TotpEnrolment enrolment = accounts.startTotp();
        accounts.confirmTotp(Totp.codeAt(enrolment.secret(), Instant.now()));
        assertThat(accounts.me().totpEnabled()).isTrue();
        assertThatThrownBy(() -> accounts.removeSecondFactorOf(idOf(jdbc, instructor))).isInstanceOf(AccessDeniedException.class);

        actAs(admin, "ADMIN");
        accounts.removeSecondFactorOf(idOf(jdbc, instructor));
        assertThat(jdbc.queryForObject("select totp_enabled from account where email = ?", Boolean.class, instructor))
                .isFalse();
        assertThat(jdbc.queryForObject("select totp_secret from account where email = ?", String.class, instructor))
                .isNull();
        assertThat(audited(jdbc, AuditType.TOTP_DISABLED, instructor)).isOne();
    }

    @Test
    void anAddressIsInvitedOnceWhateverItsCase() {
        String email = freshEmail("alan");
        accounts.invite(email, AccountRole.INSTRUCTOR);
        assertThatThrownBy(() -> accounts.invite(email.toUpperCase(), AccountRole.INSTRUCTOR))
                .hasMessage("account.invite.exists");
        assertThatThrownBy(() -> accounts.invite("not an address", AccountRole.INSTRUCTOR))
                .hasMessage("account.email.invalid");
    }



    private String status(String email) {
        return jdbc.queryForObject("select status from account where email = ?", String.class, email);
    }

    private String hash(String email) {
        return jdbc.queryForObject("select password_hash from account where email = ?", String.class, email);
    }

}
