package org.adversarialarena.base.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
 * that the database is unreachable. Waits are made in slices of {@code outageTimeout}, so even the wait
 * that finds the outage ends after one slice. A wait that ended because all connections were busy (no
 * cause: the database answers, the load is high) changes nothing.
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
        // The started pool itself takes a timeout per call; a timeout changed through Hikari's settings
        // would reach the pool only at its next housekeeping run, up to 30 s later.
        if (!(pool.getHikariPoolMXBean() instanceof HikariPool started)) {
            return pool.getConnection();
        }
        Connection connection = outage.get() ? borrowWithin(started, outageTimeout.toMillis())
                : borrowWithin(started, pool.getConnectionTimeout());
        if (outage.get()) {
            ended();
        }
        return connection;
    }

    /**
     * Waits in slices of the outage timeout, so the first request of an outage learns after one slice,
     * not the full timeout, that the pool cannot open a connection. A slice that ends with no cause (all
     * connections busy) waits on while time is left; Hikari counts each such slice as a timeout in its
     * metrics, which therefore count waits longer than a slice rather than failed requests.
     */
    private Connection borrowWithin(HikariPool started, long timeoutMillis) throws SQLException {
        long startedAt = System.nanoTime();
        while (true) {
            long left = timeoutMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
            try {
                return started.getConnection(Math.max(0, Math.min(left, outageTimeout.toMillis())));
            } catch (SQLTransientConnectionException timedOut) {
                if (timedOut.getCause() != null) {
                    began(timedOut);
                    throw timedOut;
                }
                long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
                if (waited >= timeoutMillis) {
                    throw new SQLTransientConnectionException(pool.getPoolName()
                            + " - Connection is not available, request timed out after " + waited + "ms.",
                            timedOut.getSQLState());
                }
            }
        }
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
