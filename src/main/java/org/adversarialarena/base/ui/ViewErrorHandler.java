package org.adversarialarena.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.UUID;
import org.adversarialarena.base.Refusal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What a person sees when something a page did fails unexpectedly: a message in their language instead
 * of a spinner that never ends or a result left over from before. A refusal reads as itself; a database
 * that cannot be reached says so and that nothing was stored; anything else gives a reference that
 * finds its stack trace in the log, which the person never sees.
 */
public final class ViewErrorHandler implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ViewErrorHandler.class);
    private static final int SHOWN_MILLIS = 8_000;
    private static final String EVICTED_CONNECTION = "Connection is closed";
    private static final String OUR_PACKAGE = "org.adversarialarena.";
    private static final String VAADIN_REQUEST_HANDLING = "com.vaadin.flow.server.communication.";
    private static final String VAADIN_SERVICE = "com.vaadin.flow.server.VaadinService";

    @Override
    public void error(ErrorEvent event) {
        Throwable failure = event.getThrowable();
        Optional<UI> ui = event.getComponent().flatMap(Component::getUI).or(() -> Optional.ofNullable(UI.getCurrent()));
        Refusal refusal = find(failure, Refusal.class);
        String message;
        if (refusal != null) {
            log.info("Refused in a view: {}", refusal.getMessage());
            message = translate(ui, refusal.key(), refusal.arguments());
        } else if (databaseUnreachable(failure)) {
            log.warn("The database could not be reached from a view: {}", failure.toString());
            message = translate(ui, "error.database-unreachable");
        } else if (browserWentAway(failure)) {
            // the browser went away (closed, timed out) before its answer was written: nobody to tell
            log.info("The browser went away before its answer was written: {}", failure.toString());
            return;
        } else if (malformedRequest(failure)) {
            // the browser sent what no page of ours sends (a broken or hostile client): one line, no stack trace
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.warn("Ignored a malformed request from the browser (reference {}): {} at {}", reference, failure,
                    failure.getStackTrace().length > 0 ? failure.getStackTrace()[0] : "?");
            message = translate(ui, "error.unexpected", reference);
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Unexpected failure in a view (reference {})", reference, failure);
            message = translate(ui, "error.unexpected", reference);
        }
        boolean warning = refusal != null;
        ui.ifPresent(current -> {
            if (current.getSession() != null && current.getSession().hasLock()) {
                show(message, warning);
            } else {
                current.access(() -> show(message, warning));
            }
        });
    }

    /**
     * Connection failures (SQLState class 08) and a server shutting down or starting (57P01–57P03) mean
     * the database is away, whichever layer wrapped them. A connection terminated mid-transaction
     * surfaces only as a failed rollback on the connection Hikari has just evicted (its "Connection is
     * closed" carries no SQLState, and Spring drops the original failure when the rollback fails).
     */
    static boolean databaseUnreachable(Throwable failure) {
        if (find(failure, CannotCreateTransactionException.class) != null
                || find(failure, DataAccessResourceFailureException.class) != null) {
            return true;
        }
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException closed && EVICTED_CONNECTION.equals(closed.getMessage())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** Tomcat's ClientAbortException (by name: the servlet container is not ours to depend on here). */
    static boolean browserWentAway(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().equals("ClientAbortException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether Vaadin failed while reading the request itself (its envelope, its ids, an invocation's shape
     * or event data), before any code of ours ran: the nearest frame that is ours or Vaadin's request
     * handling is Vaadin's. A failure in our listeners has a frame of ours nearer the top.
     */
    static boolean malformedRequest(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith(OUR_PACKAGE)) {
                return false;
            }
            if (type.startsWith(VAADIN_REQUEST_HANDLING) || type.equals(VAADIN_SERVICE)) {
                return true;
            }
        }
        return false;
    }

    private static void show(String message, boolean refusal) {
        Notification notification = new Notification(message, SHOWN_MILLIS, Notification.Position.MIDDLE);
        notification.addThemeVariants(refusal ? NotificationVariant.LUMO_WARNING : NotificationVariant.LUMO_ERROR);
        notification.setId("view-error");
        notification.open();
    }

    private static String translate(Optional<UI> ui, String key, Object... arguments) {
        return ui.map(current -> current.getTranslation(key, arguments)).orElse(key);
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return kind.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
