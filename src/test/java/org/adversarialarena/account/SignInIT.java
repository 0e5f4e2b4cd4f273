package org.adversarialarena.account;

import static org.adversarialarena.account.Accounts.PASSWORD;
import static org.adversarialarena.account.Accounts.actAs;
import static org.adversarialarena.account.Accounts.actAsNobody;
import static org.adversarialarena.account.Accounts.freshEmail;
import static org.adversarialarena.account.Accounts.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.adversarialarena.audit.AuditType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The password step and the second factor, against the real database and its shared counters. */
@SpringBootTest
class SignInIT {

    @Autowired
    LimitedSignIn signIn;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void nobody() {
        actAsNobody();
    }

    @Test
    void theRightPasswordSignsInWithTheAccountsRoleAndIsAudited() {
        String email = instructor("ada");
        Authentication signedIn = signIn.authenticate(attempt(email.toUpperCase(), PASSWORD, "10.0.0.1"));

        assertThat(signedIn.getName()).isEqualTo(email);
        assertThat(signedIn.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("ROLE_INSTRUCTOR")
                .doesNotContain("ROLE_ADMIN", "ROLE_" + SignInRoles.CODE_PENDING);
        assertThat(audited(AuditType.SIGN_IN, email)).isOne();
        assertThat(jdbc.queryForObject("select last_sign_in from account where email = ?", Instant.class, email))
                .isNotNull();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        String email = instructor("grace");
        for (int attempt = 0; attempt < 5; attempt++) {
            String address = "10.1.0." + attempt;
            assertThatThrownBy(() -> signIn.authenticate(attempt(email, "wrong password!", address)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn.authenticate(attempt(email, PASSWORD, "10.1.1.1")))
                .isInstanceOf(LockedException.class);
        assertThat(audited(AuditType.SIGN_IN_FAILED, email)).isEqualTo(5);
        assertThat(audited(AuditType.SIGN_IN_LOCKED, email)).isOne();
    }

    @Test
    void aSuccessForgetsEarlierFailuresOfTheAccount() {
        String email = instructor("hedy");
        for (int round = 0; round < 3; round++) {
            String address = "10.2.0." + round;
            for (int attempt = 0; attempt < 4; attempt++) {
                assertThatThrownBy(() -> signIn.authenticate(attempt(email, "wrong password!", address)))
                        .isInstanceOf(BadCredentialsException.class);
            }
            assertThat(signIn.authenticate(attempt(email, PASSWORD, "10.2.1." + round)).isAuthenticated()).isTrue();
        }
    }

    @Test
    void oneAddressTryingManyAccountsIsLockedOut() {
        String address = "10.3.0.1";
        for (int attempt = 0; attempt < 20; attempt++) {
            String someone = freshEmail("guess");
            assertThatThrownBy(() -> signIn.authenticate(attempt(someone, "123456789", address)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        String email = instructor("katherine");
        assertThatThrownBy(() -> signIn.authenticate(attempt(email, PASSWORD, address)))
                .isInstanceOf(LockedException.class);
        assertThat(signIn.authenticate(attempt(email, PASSWORD, "10.3.0.2")).isAuthenticated()).isTrue();
    }

    @Test
    void unknownInvitedAndDisabledAccountsAllLookAlike() {
        String invited = freshEmail("invited");
        String disabled = instructor("disabled");
        String admin = freshEmail("admin");
        accounts.createConfiguredAdmin(admin, PASSWORD);
        actAs(admin, "ADMIN");
        accounts.invite(invited, AccountRole.INSTRUCTOR);
        accounts.disable(idOf(disabled));
        actAsNobody();

        for (String email : new String[] {freshEmail("unknown"), invited, disabled}) {
            assertThatThrownBy(() -> signIn.authenticate(attempt(email, PASSWORD, "10.4.0.1")))
                    .as(email).isInstanceOf(BadCredentialsException.class);
        }
    }

    @Test
    void withASecondFactorThePasswordAloneGivesOnlyTheCodeStep() {
        String email = instructor("radia");
        actAs(email, "INSTRUCTOR");
        TotpEnrolment enrolment = accounts.startTotp();
        accounts.confirmTotp(code(enrolment.secret(), Instant.now()));
        actAsNobody();

        Authentication pending = signIn.authenticate(attempt(email, PASSWORD, "10.5.0.1"));
        assertThat(pending.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_" + SignInRoles.CODE_PENDING);
        assertThat(accounts.passSecondFactor(pending, "000000")).isEmpty();

        // the code confirmed at enrolment was used: the next step's code signs in, and only once
        String next = code(enrolment.secret(), Instant.now().plusSeconds(30));
        assertThat(accounts.passSecondFactor(pending, next)).hasValueSatisfying(full ->
                assertThat(full.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                        .containsExactly("ROLE_INSTRUCTOR"));
        assertThat(accounts.passSecondFactor(pending, next)).isEmpty();
        assertThat(audited(AuditType.SECOND_FACTOR_FAILED, email)).isEqualTo(2);
    }

    @Test
    void fiveWrongCodesLockTheCodeStep() {
        String email = instructor("frances");
        actAs(email, "INSTRUCTOR");
        TotpEnrolment enrolment = accounts.startTotp();
        accounts.confirmTotp(code(enrolment.secret(), Instant.now()));
        actAsNobody();
        Authentication pending = signIn.authenticate(attempt(email, PASSWORD, "10.6.0.1"));
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(accounts.passSecondFactor(pending, "000000")).isEmpty();
        }
        String right = code(enrolment.secret(), Instant.now().plusSeconds(30));
        assertThatThrownBy(() -> accounts.passSecondFactor(pending, right)).hasMessage("account.signin.locked");
    }

    @Test
    void aPendingSignInCannotUseAdminOrAccountServices() {
        String email = instructor("mallory");
        Authentication pending = SignInRoles.withOnly(email, SignInRoles.CODE_PENDING);
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(pending);
        assertThatThrownBy(() -> accounts.me()).isInstanceOf(
                org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.startTotp()).isInstanceOf(
                org.springframework.security.access.AccessDeniedException.class);
        // and a full sign-in never passes for the second step
        Authentication full = SignInRoles.withOnly(email, "INSTRUCTOR");
        assertThatThrownBy(() -> accounts.passSecondFactor(full, "123456")).hasMessage("account.link.invalid");
    }

    private static String code(String secret, Instant at) {
        return Totp.codeAt(secret, at);
    }

    private String instructor(String who) {
        String admin = freshEmail("admin");
        accounts.createConfiguredAdmin(admin, PASSWORD);
        actAs(admin, "ADMIN");
        String email = freshEmail(who);
        OneTimeLink invitation = accounts.invite(email, AccountRole.INSTRUCTOR);
        actAsNobody();
        accounts.acceptInvite(tokenOf(invitation), who, PASSWORD);
        return email;
    }

    private static Authentication attempt(String email, String password, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return attempt;
    }

    private long idOf(String email) {
        return jdbc.queryForObject("select id from account where email = ?", Long.class, email);
    }

    private int audited(AuditType type, String subject) {
        return jdbc.queryForObject("select count(*) from audit_event where type = ? and subject = ?", Integer.class,
                type.name(), subject);
    }
}
