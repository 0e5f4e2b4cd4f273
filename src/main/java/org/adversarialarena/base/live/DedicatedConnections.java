package org.adversarialarena.base.live;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.Driver;

/**
 * Opens connections outside the pool, to the database the pool uses. A listening connection must be
 * ours alone for as long as it lives: a pool would hand it to others, or replace it, and PostgreSQL
 * forgets a connection's LISTEN when it closes.
 */
final class DedicatedConnections {

    private final String url;
    private final Properties properties = new Properties();

    private DedicatedConnections(String url, @Nullable String username, @Nullable String password) {
        this.url = url;
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "arena-live-listener");
        properties.setProperty("tcpKeepAlive", "true");
    }

    /** The URL and credentials of the app's pool (Hikari, for the embedded database and for spring.datasource.*). */
    static DedicatedConnections of(DataSource dataSource) {
        HikariDataSource hikari;
        try {
            hikari = dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException("Live updates open their own connection with the URL and credentials of "
                    + "the app's Hikari pool, but the DataSource is " + dataSource.getClass().getName(), e);
        }
        String url = hikari.getJdbcUrl();
        if (url == null) {
            throw new IllegalStateException("Live updates need the pool's JDBC URL (spring.datasource.url)");
        }
        return new DedicatedConnections(url, hikari.getUsername(), hikari.getPassword());
    }

    Connection open() throws SQLException {
        Connection connection = new Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL URL: " + url);
        }
        connection.setAutoCommit(true);
        return connection;
    }
}
