package org.adversarialarena.base.security;

import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.adversarialarena.base.live.LiveChange;
import org.adversarialarena.base.live.LiveListener;
import org.adversarialarena.base.live.LivePublisher;
import org.adversarialarena.base.live.LiveTopic;
import org.adversarialarena.base.live.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The HTTP sessions this node holds, grouped by whom they may be ended for, and the ending of a group
 * on every node. A group is a live topic and a key: an account's sessions ({@code account-sessions},
 * its id), a workshop's students' sessions ({@code workshop-sessions}, its id), and a session may
 * belong to several. {@link #endEverywhere} announces the end; each node that holds sessions of that
 * group listens for it (only while it holds some), invalidates them, and says so with a
 * {@link SessionsEnded} event.
 *
 * <p>Sessions are held as objects, not ids: a sign-in changes a session's id (session fixation), not
 * the session. A destroyed session (sign-out, timeout, invalidation) leaves every group.
 */
@Component
public class NodeSessions implements HttpSessionListener {

    /**
     * A session attribute: the version of the announcement that must not end this session, set on the
     * session that asked to end its account's other sessions before the announcement goes out.
     */
    public static final String SPARED_BY = NodeSessions.class.getName() + ".spared-by";

    /** Where a UI still open in an ended session is sent, so a Push-connected tab notices at once. */
    private static final String AFTER_END = SecurityPaths.LOGIN;
    private static final long PUSH_WAIT_MILLIS = 2000;
    private static final Logger log = LoggerFactory.getLogger(NodeSessions.class);

    private record Group(String topic, String key) {
    }

    private static final class Held {
        private final Set<HttpSession> sessions = Collections.newSetFromMap(new IdentityHashMap<>());
        private Subscription subscription = () -> {
        };
    }

    private final Map<Group, Held> groups = new HashMap<>();
    private final LiveListener listener;
    private final LivePublisher publisher;
    private final ApplicationEventPublisher events;
    private final String node = nodeName();

    NodeSessions(LiveListener listener, LivePublisher publisher, ApplicationEventPublisher events) {
        this.listener = listener;
        this.publisher = publisher;
        this.events = events;
    }

    /** Counts {@code session} in the group {@code key} of {@code topic} until it is destroyed. */
    public <K> void register(LiveTopic<K> topic, K key, HttpSession session) {
        Group group = new Group(topic.name(), topic.keyOf(key));
        synchronized (groups) {
            Held held = groups.get(group);
            if (held == null) {
                held = new Held();
                groups.put(group, held);
                held.subscription = listener.subscribe(topic, key, change -> end(group, change));
            }
            held.sessions.add(session);
        }
    }

    /**
     * Announces that every session of the group ends, on every node, once the caller's transaction
     * commits. {@code version} names the request (the id of its audit line).
     */
    public <K> void endEverywhere(LiveTopic<K> topic, K key, long version) {
        publisher.publish(topic, key, version);
    }

    /** How many sessions of the group this node holds. */
    public <K> int heldHere(LiveTopic<K> topic, K key) {
        synchronized (groups) {
            Held held = groups.get(new Group(topic.name(), topic.keyOf(key)));
            return held == null ? 0 : held.sessions.size();
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        forget(event.getSession());
    }

    private void end(Group group, LiveChange change) {
        if (change.mayHaveMissedChanges()) {
            // a reconnection is no request to end anything (docs/security.md: what a lost connection misses)
            return;
        }
        List<HttpSession> ending = new ArrayList<>();
        synchronized (groups) {
            Held held = groups.get(group);
            if (held != null) {
                held.sessions.stream().filter(session -> !spared(session, change.version())).forEach(ending::add);
            }
        }
        // outside the lock: invalidating runs Vaadin's session destruction, which takes Vaadin's locks
        int ended = 0;
        for (HttpSession session : ending) {
            if (endOne(session)) {
                ended++;
            }
        }
        log.info("Ended {} session(s) of {} {} on this node", ended, group.topic(), group.key());
        events.publishEvent(new SessionsEnded(group.topic(), group.key(), change.version(), ended, node));
    }

    private static boolean spared(HttpSession session, long version) {
        try {
            return Objects.equals(session.getAttribute(SPARED_BY), version);
        } catch (IllegalStateException alreadyInvalid) {
            return false;
        }
    }

    /**
     * Sends the session's open UIs to the sign-in page, then invalidates it. Without the first step a
     * tab connected by Push would learn nothing until its next request (docs/security.md).
     */
    private boolean endOne(HttpSession session) {
        try {
            List<Future<Void>> told = new ArrayList<>();
            for (VaadinSession vaadin : VaadinSession.getAllSessions(session)) {
                // under the session's lock; Vaadin pushes the changed UIs when it is released
                told.add(vaadin.access(() -> vaadin.getUIs().forEach(ui -> ui.getPage().setLocation(AFTER_END))));
            }
            for (Future<Void> pushed : told) {
                waitFor(pushed);
            }
            session.invalidate();
            // the container's sessionDestroyed does the same; a container that calls it late must not matter
            forget(session);
            return true;
        } catch (IllegalStateException alreadyInvalid) {
            forget(session);
            return false;
        }
    }

    private static void waitFor(Future<Void> pushed) {
        try {
            pushed.get(PUSH_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the session ends anyway: the tab then learns it at its next request
            log.debug("A UI of an ended session was not told in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forget(HttpSession session) {
        synchronized (groups) {
            groups.values().removeIf(held -> {
                held.sessions.remove(session);
                if (held.sessions.isEmpty()) {
                    held.subscription.close();
                    return true;
                }
                return false;
            });
        }
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
