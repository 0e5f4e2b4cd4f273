package org.adversarialarena.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A pool whose every connection is busy is not a database outage: waiting in short slices must not turn a
 * busy wait into an early failure. A pool of one connection on the app's real PostgreSQL, held by the test.
 */
@SpringBootTest
class OutageAwarePoolIT {

    private static final long CONNECTION_TIMEOUT_MILLIS = 1_000;
    private static final Duration SLICE = Duration.ofMillis(250);

    @Autowired
    DataSource appDataSource;

    private HikariDataSource hikari;
    private OutageAwarePool pool;

    @BeforeEach
    void oneConnectionPool() throws SQLException {
        HikariDataSource app = appDataSource.unwrap(HikariDataSource.class);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(app.getJdbcUrl());
        config.setUsername(app.getUsername());
        config.setPassword(app.getPassword());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        hikari = new HikariDataSource(config);
        pool = new OutageAwarePool(hikari, SLICE);
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aWaitLongerThanASliceForABusyConnectionGetsIt() throws Exception {
        Connection held = pool.getConnection();
        CompletableFuture<Void> released = CompletableFuture.runAsync(() -> closeQuietly(held),
                CompletableFuture.delayedExecutor(3 * SLICE.toMillis(), TimeUnit.MILLISECONDS));

        long started = System.nanoTime();
        try (Connection next = pool.getConnection()) {
            assertThat(next.isValid(1)).isTrue();
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                .as("it waited for the held connection, beyond one slice").isGreaterThanOrEqualTo(2 * SLICE.toMillis());
        assertThat(pool.inOutage()).as("all connections busy is no outage").isFalse();
        released.join();
    }

    @Test
    void aBusyPoolTimesOutAfterTheFullTimeoutNotASlice() throws SQLException {
        try (Connection held = pool.getConnection()) {
            long started = System.nanoTime();
            assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("request timed out");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(CONNECTION_TIMEOUT_MILLIS);
            assertThat(pool.inOutage()).isFalse();
            assertThat(held.isValid(1)).isTrue();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
