package org.adversarialarena.account;

import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import org.adversarialarena.audit.AuditEvent;
import org.adversarialarena.audit.AuditLog;
import org.adversarialarena.audit.AuditType;
import org.adversarialarena.base.live.LiveTopic;
import org.adversarialarena.base.security.NodeSessions;
import org.adversarialarena.base.security.SessionsEnded;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Puts every session that an account signs into in that account's group of {@link NodeSessions}, so
 * that disabling it, changing its role or "sign out everywhere" ends it on whichever node it lives,
 * and audits each node's part of such an ending.
 *
 * <p>A session joins when Spring Security's context is stored in it: by the form sign-in, and by the
 * second factor's step ({@code SessionSignIn}), so a session half-way through signing in ends too.
 */
@Component
class AccountSessions implements HttpSessionAttributeListener {

    /** "End every session of this account": key = the account's id, version = the audit line that asked. */
    static final LiveTopic<Long> TOPIC = LiveTopic.of("account-sessions", Object::toString);

    private final AccountService accounts;
    private final NodeSessions sessions;
    private final AuditLog audit;

    AccountSessions(AccountService accounts, NodeSessions sessions, AuditLog audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        join(event);
    }

    @Override
    public void attributeReplaced(HttpSessionBindingEvent event) {
        join(event);
    }

    private void join(HttpSessionBindingEvent event) {
        if (!HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY.equals(event.getName())) {
            return;
        }
        // on a replacement, the event carries the old value: the session holds the new one
        if (event.getSession().getAttribute(event.getName()) instanceof SecurityContext context
                && context.getAuthentication() instanceof Authentication signedIn
                && !(signedIn instanceof AnonymousAuthenticationToken)) {
            accounts.idOf(signedIn.getName()).ifPresent(id -> sessions.register(TOPIC, id, event.getSession()));
        }
    }

    @EventListener
    void on(SessionsEnded ended) {
        if (!TOPIC.name().equals(ended.topic())) {
            return;
        }
        String whose = accounts.emailOf(Long.parseLong(ended.key())).orElse("#" + ended.key());
        String who = audit.event(ended.version()).map(AuditEvent::actor).orElse(AuditLog.SYSTEM);
        audit.record(AuditType.SESSIONS_ENDED, who, whose,
                ended.count() + " session(s) on node " + ended.node() + ", asked by audit line " + ended.version(),
                null);
    }
}
