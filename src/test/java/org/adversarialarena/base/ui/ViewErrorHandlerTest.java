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
}
