package org.adversarialarena.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.adversarialarena.base.security.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Appends to the audit log. It joins the caller's transaction when there is one, so an admin action
 * that rolls back leaves no line claiming it happened; a failed sign-in has none, so its line stays.
 */
@Service
public class AuditLog {

    /** The actor of what the app does by itself (the first admin from configuration, a set-up link). */
    public static final String SYSTEM = "system";
    private static final int MAX_DETAIL = 500;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records an action of the signed-in person (or "system" when nobody is), from their address, and
     * returns the line's id.
     */
    public long record(AuditType type, @Nullable String subject, @Nullable String detail) {
        return record(type, currentActor(), subject, detail, ClientAddress.current());
    }

    /** Records an action and returns the line's id (a request can name itself by it, e.g. to every node). */
    public long record(AuditType type, @Nullable String actor, @Nullable String subject, @Nullable String detail,
            @Nullable String address) {
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(
                    "insert into audit_event (at, type, actor, subject, detail, address) values (?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            insert.setTimestamp(1, Timestamp.from(clock.instant()));
            insert.setString(2, type.name());
            insert.setString(3, clip(actor, 254));
            insert.setString(4, clip(subject, 254));
            insert.setString(5, clip(detail, MAX_DETAIL));
            insert.setString(6, clip(address, 64));
            return insert;
        }, id);
        return Objects.requireNonNull(id.getKey(), "PostgreSQL returns the id of the new line").longValue();
    }

    /** One line, for the app itself (a node that carries out a request reads who asked). */
    public Optional<AuditEvent> event(long id) {
        return jdbc.query("select id, at, type, actor, subject, detail, address from audit_event where id = ?",
                AuditLog::fromRow, id).stream().findFirst();
    }

    /** The newest events first. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<AuditEvent> latest(int count) {
        return jdbc.query("select id, at, type, actor, subject, detail, address from audit_event "
                + "order by at desc, id desc limit ?", AuditLog::fromRow, count);
    }

    private static AuditEvent fromRow(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                AuditType.valueOf(rs.getString("type")), rs.getString("actor"), rs.getString("subject"),
                rs.getString("detail"), rs.getString("address"));
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken ? SYSTEM : authentication.getName();
    }

    private static @Nullable String clip(@Nullable String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
