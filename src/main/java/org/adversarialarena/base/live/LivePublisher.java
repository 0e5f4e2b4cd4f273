package org.adversarialarena.base.live;

import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.stereotype.Component;

/**
 * Tells every node that something changed. The notification is sent on the caller's transaction, so
 * PostgreSQL delivers it when, and only if, that transaction commits: a rolled-back score never
 * reaches a screen. Without a transaction it is sent at once.
 */
@Component
@EnableConfigurationProperties(LiveProperties.class)
public class LivePublisher {

    /** PostgreSQL refuses a payload of 8000 bytes or more (in its default build). */
    static final int MAX_PAYLOAD_BYTES = 7999;

    private final JdbcTemplate jdbc;
    private final String channel;

    LivePublisher(DataSource dataSource, LiveProperties properties) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.channel = properties.channel();
    }

    /**
     * Announces that {@code thing} of {@code topic} is now at {@code version} (any non-negative number
     * that grows with its changes, e.g. a row id or a step count). Throws {@link IllegalArgumentException}
     * for a key too long to be sent.
     */
    public <K> void publish(LiveTopic<K> topic, K thing, long version) {
        if (version < 0) {
            throw new IllegalArgumentException("A live version is not negative, was " + version);
        }
        String payload = new LiveChange(topic.name(), topic.keyOf(thing), version).payload();
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("A live notification carries ids, not data: " + bytes
                    + " bytes is more than PostgreSQL's limit of " + MAX_PAYLOAD_BYTES);
        }
        // pgjdbc: a select returns a row, so executeUpdate would throw; execute() does not.
        jdbc.execute("select pg_notify(?, ?)", (PreparedStatementCallback<Boolean>) statement -> {
            statement.setString(1, channel);
            statement.setString(2, payload);
            return statement.execute();
        });
    }
}
