package org.adversarialarena.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.adversarialarena.base.Refusal;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Whatever fails under a page, its user reads a message in their language, never a raw exception. */
@ViewPackages(packages = "org.adversarialarena.base.ui") // no views: the test needs only a UI
class ViewErrorHandlerTest extends BrowserlessTest {

    private static final class TooFast extends Refusal {
        TooFast() {
            super("too fast for the test", "3");
        }

        @Override
        public String key() {
            return "error.unexpected";
        }
    }

    private final ViewErrorHandler handler = new ViewErrorHandler();

    private String shown() {
        return test($(Notification.class).last()).getText();
    }

    @Test
    void aDatabaseThatCannotBeReachedIsNamedAndNothingIsSaidToBeStored() {
        handler.error(new ErrorEvent(new CannotCreateTransactionException("Could not open JPA EntityManager",
                new SQLTransientConnectionException("embedded-postgres - Connection is not available"))));

        assertThat(shown()).contains("cannot reach its database").contains("nothing of this step was stored");
    }

    @Test
    void aConnectionTerminatedMidTransactionCountsAsTheDatabaseBeingAway() {
        handler.error(new ErrorEvent(new JpaSystemException(new RuntimeException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed")))));

        assertThat(shown()).contains("cannot reach its database");
    }

    @Test
    void anUnexpectedFailureGivesAReferenceAndHidesTheException() {
        handler.error(new ErrorEvent(new IllegalStateException("secret internals")));

        assertThat(shown()).contains("Something went wrong").containsPattern("reference [0-9a-f]{8}")
                .doesNotContain("secret internals").doesNotContain("IllegalStateException");
    }

    @Test
    void aRefusalDeepInsideAFailureReadsAsItsOwnTranslatedText() {
        handler.error(new ErrorEvent(new RuntimeException("wrapped", new TooFast())));

        assertThat(shown()).contains("reference 3");
    }

    @Test
    void aRequestVaadinCouldNotReadIsAMalformedRequestAndItsUserStillReadsAMessage() {
        // as the HTTP fuzz found: an envelope without "node" fails in Vaadin's own request decoding
        NullPointerException failure = failureAt(
                frame("tools.jackson.databind.node.ObjectNode", "get"),
                frame("com.vaadin.flow.server.communication.ServerRpcHandler$RpcRequest", "<init>"),
                frame("com.vaadin.flow.server.communication.UidlRequestHandler", "synchronizedHandleRequest"),
                frame("org.adversarialarena.base.security.SessionLifetimeFilter", "doFilterInternal"));

        assertThat(ViewErrorHandler.malformedRequest(failure)).isTrue();
        handler.error(new ErrorEvent(failure));
        assertThat(shown()).contains("Something went wrong").containsPattern("reference [0-9a-f]{8}");
    }

    @Test
    void aFailureInOurOwnListenerIsNoMalformedRequestEvenThoughVaadinCalledIt() {
        NullPointerException failure = failureAt(
                frame("tools.jackson.databind.node.ObjectNode", "get"),
                frame("org.adversarialarena.base.ui.PixelCanvas", "onClientChange"),
                frame("com.vaadin.flow.internal.nodefeature.ElementListenerMap", "fireEvent"),
                frame("com.vaadin.flow.server.communication.ServerRpcHandler", "handleInvocations"));

        assertThat(ViewErrorHandler.malformedRequest(failure)).isFalse();
    }

    @Test
    void aBrowserThatWentAwayBeforeItsAnswerIsNeitherToldNorAMalformedRequest() {
        // as the load driver's timed-out requests showed: Tomcat's ClientAbortException wraps a broken pipe
        handler.error(new ErrorEvent(new java.io.UncheckedIOException(new ClientAbortException())));

        assertThat($(Notification.class).all()).isEmpty();
    }

    /** Named as Tomcat's, which the handler recognises by name. */
    private static final class ClientAbortException extends java.io.IOException {
        ClientAbortException() {
            super("java.io.IOException: Broken pipe");
        }
    }

    private static NullPointerException failureAt(StackTraceElement... frames) {
        NullPointerException failure = new NullPointerException("a field the request lacked");
        failure.setStackTrace(frames);
        return failure;
    }

    private static StackTraceElement frame(String type, String method) {
        return new StackTraceElement(type, method, null, -1);
    }
}
