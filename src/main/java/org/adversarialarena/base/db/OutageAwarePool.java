package org.adversarialarena.base.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The app's connection pool, which stops waiting the full connection timeout once it knows the database
 * is away. Vaadin handles one request of a browser session at a time, so every tab of a session waits
 * while one of its requests waits for a connection. A wait that ended without a connection because the
 * pool could not open one (Hikari then names the failure as the cause) begins an outage: until a
 * connection is had again, each wait lasts {@code outageTimeout} instead, and every page says at once
 * that the database is unreachable. A wait that ended because all connections were busy (no cause: the
 * database answers, the load is high) changes nothing.
 */
public final class OutageAwarePool extends DelegatingDataSource implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(OutageAwarePool.class);

    private final HikariDataSource pool;
    private final Duration outageTimeout;
    private final AtomicBoolean outage = new AtomicBoolean();

    OutageAwarePool(HikariDataSource pool, Duration outageTimeout) {
        super(pool);
        this.pool = pool;
        this.outageTimeout = outageTimeout;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection;
        try {
            // The started pool itself takes a timeout per call; a timeout changed through Hikari's
            // settings would reach the pool only at its next housekeeping run, up to 30 s later.
            connection = outage.get() && pool.getHikariPoolMXBean() instanceof HikariPool started
                    ? started.getConnection(outageTimeout.toMillis())
                    : pool.getConnection();
        } catch (SQLTransientConnectionException timedOut) {
            if (timedOut.getCause() != null) {
                began(timedOut);
            }
            throw timedOut;
        }
        if (outage.get()) {
            ended();
        }
        return connection;
    }

    /** Whether the pool now waits only the outage timeout for a connection. */
    public boolean inOutage() {
        return outage.get();
    }

    @Override
    public void close() {
        pool.close();
    }

    private void began(SQLTransientConnectionException timedOut) {
        if (outage.compareAndSet(false, true)) {
            log.warn("The database cannot be reached ({}): waiting {} ms for a connection until one is had again",
                    timedOut.getCause().toString(), outageTimeout.toMillis());
        }
    }

    private void ended() {
        if (outage.compareAndSet(true, false)) {
            log.info("The database answers again: waiting up to {} ms for a connection", pool.getConnectionTimeout());
        }
    }
}
