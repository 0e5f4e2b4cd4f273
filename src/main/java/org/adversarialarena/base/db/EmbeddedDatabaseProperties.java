package org.adversarialarena.base.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL (defaults in application.properties).
 *
 * @param dataDir   where the database files live, so scores survive a restart
 * @param workDir   where the PostgreSQL binaries are unpacked
 * @param port      the TCP port on 127.0.0.1, 0 for any free one
 * @param ephemeral a throw-away database in a temporary directory instead (tests)
 */
@ConfigurationProperties("arena.embedded-db")
record EmbeddedDatabaseProperties(Path dataDir, Path workDir, int port, boolean ephemeral) {
}
