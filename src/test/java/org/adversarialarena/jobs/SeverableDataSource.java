package org.adversarialarena.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** The database as one node reaches it; severing it is that node's end as far as the database can tell. */
final class SeverableDataSource extends DelegatingDataSource {

    private volatile boolean severed;

    SeverableDataSource(DataSource target) {
        super(target);
    }

    void sever() {
        severed = true;
    }

    boolean isSevered() {
        return severed;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (severed) {
            throw new SQLException("This node is dead");
        }
        return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        if (severed) {
            throw new SQLException("This node is dead");
        }
        return super.getConnection(username, password);
    }
}
