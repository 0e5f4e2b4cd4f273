package org.adversarialarena.fool.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.adversarialarena.base.db.OutageAwarePool;
import org.adversarialarena.player.ui.BrowserStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A student who acts while PostgreSQL refuses every connection is told so within the pool's timeout and
 * loses nothing: once the database is back, the same click works. The outage is real: the database
 * stops accepting connections and every open one is terminated, as when a server restarts.
 */
@SpringBootTest
class DatabaseOutageIT extends SpringBrowserlessTest {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageIT.class);
    /** More than the pool's connections, each of which the outage terminated. */
    private static final int MAX_CLICKS_UNTIL_THE_POOL_WAITS = 20;

    @Autowired
    DataSource dataSource;

    private HikariDataSource pool;

    @Autowired
    JdbcTemplate jdbc;

    private String database = "";

    @Test
    void aStudentJoiningWhileTheDatabaseIsDownIsToldAndJoinsOnceItIsBack() throws SQLException {
        pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(pool.getConnectionTimeout()).as("the configured timeout, not Hikari's 30 s").isEqualTo(5_000);
        navigate(FoolView.class);
        BrowserStorage.answerEmpty();
        test($(TextField.class).id("nickname-field")).setValue("outage-ada");

        database = jdbc.queryForObject("select current_database()", String.class);
        refuseConnections(true);
        // First on pooled connections the outage terminated (each fails at once), then waiting for a new one
        // that never comes: the first slice of that wait tells the pool the database is away.
        OutageAwarePool outageAware = dataSource.unwrap(OutageAwarePool.class);
        long longestClickMillis = 0;
        for (int click = 1; click <= MAX_CLICKS_UNTIL_THE_POOL_WAITS && !outageAware.inOutage(); click++) {
            longestClickMillis = Math.max(longestClickMillis, joinDuringTheOutage("click " + click));
        }
        assertThat(outageAware.inOutage()).as("a wait for a connection the pool could not open began an outage").isTrue();
        assertThat(longestClickMillis).as("even the click that found the outage did not wait the pool's full timeout")
                .isLessThan(pool.getConnectionTimeout());
        long answeredAfterMillis = joinDuringTheOutage("a click once the outage is known");
        assertThat(answeredAfterMillis)
                .as("once the outage is known a request does not wait the pool's full timeout, so the session's "
                        + "other tabs, which wait for it, are not held that long by each click")
                .isLessThan(pool.getConnectionTimeout());

        refuseConnections(false);
        // The pool still holds connections the outage terminated; one used within Hikari's last 500 ms is
        // lent without a check, so the first clicks after the outage may meet one and be told to retry.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (joined() == 0 && System.nanoTime() < deadline) {
            clickRoutingFailuresToTheSession($(Button.class).id("nickname-join"));
            if (joined() == 0) {
                assertThat(test($(Notification.class).last()).getText()).contains("cannot reach its database");
            }
        }
        assertThat(joined()).isEqualTo(1);
        assertThat(dataSource.unwrap(OutageAwarePool.class).inOutage()).as("a connection had again ends the outage").isFalse();
    }

    /** Clicks Join, requires the page to say the database is unreachable, and gives how long that took. */
    private long joinDuringTheOutage(String attempt) {
        long started = System.nanoTime();
        clickRoutingFailuresToTheSession($(Button.class).id("nickname-join"));
        long answeredAfterMillis = (System.nanoTime() - started) / 1_000_000;
        log.info("Join during the outage, {}, answered after {} ms", attempt, answeredAfterMillis);
        assertThat(test($(Notification.class).last()).getText()).as(attempt).contains("cannot reach its database");
        return answeredAfterMillis;
    }

    /** Counted on a connection of its own: the pool's may still hold terminated ones. */
    private long joined() throws SQLException {
        try (Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
             Statement sql = connection.createStatement();
             ResultSet count = sql.executeQuery("select count(*) from player where nickname = 'outage-ada'")) {
            count.next();
            return count.getLong(1);
        }
    }

    @AfterEach
    void reopen() throws SQLException {
        if (!database.isEmpty()) {
            refuseConnections(false);
        }
    }

    /** What Vaadin does with a listener's exception in a real request: hand it to the session's handler. */
    private void clickRoutingFailuresToTheSession(Button button) {
        try {
            test(button).click();
        } catch (RuntimeException failure) {
            VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(failure));
        }
    }

    /** Through the maintenance database, which stays open, so the app's own pool is what is cut off. */
    private void refuseConnections(boolean refuse) throws SQLException {
        String maintenance = pool.getJdbcUrl().replaceFirst("/" + database + "(\\?|$)", "/template1$1");
        try (Connection connection = DriverManager.getConnection(maintenance, pool.getUsername(), pool.getPassword());
             Statement sql = connection.createStatement()) {
            sql.execute("alter database \"" + database + "\" allow_connections " + !refuse);
            if (refuse) {
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                        + "' and pid <> pg_backend_pid()");
            }
        }
    }
}
