package org.adversarialarena.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default keeps players' data in its data directory across restarts. */
class EmbeddedDatabaseRestartIT {

    private final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt(@TempDir Path home) throws Exception {
        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(
                home.resolve("data"), home.resolve("work"), 0, false);

        try (EmbeddedPostgres first = configuration.embeddedPostgres(properties);
             Connection connection = first.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("create table survivor (nickname text)");
            sql.execute("insert into survivor values ('ada')");
        }
        assertThat(Files.exists(home.resolve("data").resolve("PG_VERSION"))).isTrue();

        try (EmbeddedPostgres second = configuration.embeddedPostgres(properties);
             Connection connection = second.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select nickname from survivor")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("ada");
        }
    }
}
