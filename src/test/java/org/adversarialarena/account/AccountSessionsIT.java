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
import static org.springframework.security.web.context.HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

import jakarta.servlet.http.HttpSessionBindingEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.adversarialarena.audit.AuditLog;
import org.adversarialarena.audit.AuditType;
import org.adversarialarena.base.live.LivePublisher;
import org.adversarialarena.base.security.NodeSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ending an account's sessions through the real LISTEN/NOTIFY of the embedded PostgreSQL: the
 * announcement leaves on commit and comes back through this node's listener, as it reaches every
 * node. The sessions are spring-test's in-memory {@link MockHttpSession}s (this context has no servlet
 * container), joined to their account the way the container's attribute event does it.
 */
@SpringBootTest
class AccountSessionsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    AccountService accounts;

    @Autowired
    AccountSessions accountSessions;

    @Autowired
    NodeSessions sessions;

    @Autowired
    LivePublisher publisher;

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    private String admin;

    @BeforeEach
    void anAdmin() {
        admin = freshEmail("admin");
        accounts.createConfiguredAdmin(admin, PASSWORD);
    }

    @AfterEach
    void nobody() {
        actAsNobody();
    }

    @Test
    void anAnnouncementFromAnotherNodeEndsTheAccountsSessionsHereAndIsAudited() {
        String ada = activeInstructor(accounts, admin, "ada");
        String grace = activeInstructor(accounts, admin, "grace");
        MockHttpSession adaAtSchool = signedIn(ada);
        MockHttpSession adaAtHome = signedIn(ada);
        MockHttpSession gracesSession = signedIn(grace);
        String otherNodesAdmin = freshEmail("remote-admin");
        long request = audit.record(AuditType.SESSIONS_END_REQUESTED, otherNodesAdmin, ada, "by an admin", null);

        new TransactionTemplate(transactions).executeWithoutResult(
                status -> publisher.publish(AccountSessions.TOPIC, idOf(jdbc, ada), request));

        awaitThat(() -> adaAtSchool.isInvalid() && adaAtHome.isInvalid());
        assertThat(gracesSession.isInvalid()).isFalse();
        assertThat(sessions.heldHere(AccountSessions.TOPIC, idOf(jdbc, ada))).isZero();
        assertThat(sessions.heldHere(AccountSessions.TOPIC, idOf(jdbc, grace))).isOne();
        awaitThat(() -> !ended(ada).isEmpty());
        assertThat(ended(ada)).singleElement().satisfies(line -> {
            assertThat(line.get("actor")).isEqualTo(otherNodesAdmin);
            assertThat((String) line.get("detail")).startsWith("2 session(s) on node ")
                    .endsWith("asked by audit line " + request);
        });
    }

    @Test
    void disablingAnAccountEndsItsSessionsAtOnce() {
        String ada = activeInstructor(accounts, admin, "ada");
        MockHttpSession adasSession = signedIn(ada);

        actAs(admin, "ADMIN");
        long asked = System.nanoTime();
        accounts.disable(idOf(jdbc, ada));

        awaitThat(adasSession::isInvalid);
        // the figure docs/security.md quotes: from the admin's call to the session's end, on one machine
        System.out.printf("Session ended %d ms after the admin disabled the account%n",
                Duration.ofNanos(System.nanoTime() - asked).toMillis());
        awaitThat(() -> !ended(ada).isEmpty());
        assertThat(ended(ada)).singleElement().satisfies(line -> {
            assertThat(line.get("actor")).isEqualTo(admin);
            assertThat((String) line.get("detail")).startsWith("1 session(s) on node ");
        });
    }

    @Test
    void changingARoleEndsTheSessionsThatHoldTheOldOne() {
        String ada = activeInstructor(accounts, admin, "ada");
        MockHttpSession adasSession = signedIn(ada);

        actAs(admin, "ADMIN");
        accounts.changeRole(idOf(jdbc, ada), AccountRole.ADMIN);

        awaitThat(adasSession::isInvalid);
    }

    @Test
    void aPasswordResetEndsTheSessionsOfTheOldPassword() {
        String ada = activeInstructor(accounts, admin, "ada");
        MockHttpSession adasSession = signedIn(ada);
        actAs(admin, "ADMIN");
        OneTimeLink reset = accounts.issueReset(idOf(jdbc, ada));
        actAsNobody();

        accounts.resetPassword(tokenOf(reset), "another long and unusual passphrase");

        awaitThat(adasSession::isInvalid);
    }

    @Test
    void aNodeThatMissedTheAnnouncementStillSignsOutAStaleRoleOnTheNextPage() {
        String ada = activeInstructor(accounts, admin, "ada");
        List<String> signedInAs = List.of("ROLE_INSTRUCTOR");
        assertThat(accounts.mayStaySignedIn(ada, signedInAs)).isTrue();
        assertThat(accounts.mayStaySignedIn(ada, List.of("ROLE_" + SignInRoles.CODE_PENDING))).isTrue();

        actAs(admin, "ADMIN");
        accounts.changeRole(idOf(jdbc, ada), AccountRole.ADMIN);

        assertThat(accounts.mayStaySignedIn(ada, signedInAs)).isFalse();
        assertThat(accounts.mayStaySignedIn(ada, List.of("ROLE_ADMIN"))).isTrue();
        accounts.disable(idOf(jdbc, ada));
        assertThat(accounts.mayStaySignedIn(ada, List.of("ROLE_ADMIN"))).isFalse();
    }

    @Test
    void endingMyOtherSessionsSparesTheOneThatAsked() {
        String ada = activeInstructor(accounts, admin, "ada");
        MockHttpSession asking = signedIn(ada);
        MockHttpSession forgotten = signedIn(ada);

        actAs(ada, "INSTRUCTOR");
        accounts.endMyOtherSessions(request -> asking.setAttribute(NodeSessions.SPARED_BY, request));

        awaitThat(forgotten::isInvalid);
        assertThat(asking.isInvalid()).isFalse();
        assertThat(sessions.heldHere(AccountSessions.TOPIC, idOf(jdbc, ada))).isOne();
    }

    @Test
    void onlyAnAdminEndsSomeoneElsesSessions() {
        String ada = activeInstructor(accounts, admin, "ada");
        String grace = activeInstructor(accounts, admin, "grace");

        actAs(ada, "INSTRUCTOR");
        assertThatThrownBy(() -> accounts.endSessions(idOf(jdbc, grace))).isInstanceOf(AccessDeniedException.class);
        assertThat(audited(jdbc, AuditType.SESSIONS_END_REQUESTED, grace)).isZero();
    }

    private MockHttpSession signedIn(String email) {
        MockHttpSession session = new MockHttpSession();
        SecurityContext context = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                email, null, List.of(new SimpleGrantedAuthority("ROLE_INSTRUCTOR"))));
        session.setAttribute(SPRING_SECURITY_CONTEXT_KEY, context);
        accountSessions.attributeAdded(new HttpSessionBindingEvent(session, SPRING_SECURITY_CONTEXT_KEY, context));
        return session;
    }




    private List<Map<String, Object>> ended(String email) {
        return jdbc.queryForList("select actor, detail from audit_event where type = ? and subject = ?",
                AuditType.SESSIONS_ENDED.name(), email);
    }

    private static void awaitThat(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s for the announcement", WAIT).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
