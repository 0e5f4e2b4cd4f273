package org.adversarialarena.forge;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which node trains a scope's detective: a row per scope in PostgreSQL naming its holder until an
 * expiry, so of several nodes exactly one trains a detective at a time and the others serve its
 * checkpoints. The holder renews it before every training step; a node that dies stops renewing, and
 * once it has expired ({@code arena.forge.training-lease}) the next node that wants to train takes it.
 * Expiry is read in the database's time, never a node's clock.
 */
@Service
class TrainingLease {

    private final JdbcTemplate jdbc;
    private final Duration duration;
    private final String holder;

    @Autowired
    TrainingLease(JdbcTemplate jdbc, ForgeProperties properties) {
        this(jdbc, properties.trainingLease(), thisNode());
    }

    /** A lease holder of its own name: a second node in a test. */
    TrainingLease(JdbcTemplate jdbc, Duration duration, String holder) {
        this.jdbc = jdbc;
        this.duration = duration;
        this.holder = holder;
    }

    /**
     * Takes the scope's lease, or renews it if this node holds it; false while another node holds it.
     * One upsert whose update is conditional: of two nodes at once, the row lock lets one through.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    boolean take(DetectiveScope scope) {
        List<String> taken = jdbc.queryForList("""
                insert into detective_training_lease (scope, holder, expires_at)
                values (?, ?, now() + ? * interval '1 millisecond')
                on conflict (scope) do update set holder = excluded.holder, expires_at = excluded.expires_at
                 where detective_training_lease.holder = excluded.holder or detective_training_lease.expires_at <= now()
                returning holder""", String.class, scope.key(), holder, duration.toMillis());
        return !taken.isEmpty();
    }

    /**
     * Whether this node holds the scope's lease, locking it until the caller's transaction ends: a
     * checkpoint is stored only by the holder, and no other node can take the lease meanwhile.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean heldForThisTransaction(DetectiveScope scope) {
        return !jdbc.queryForList("""
                select holder from detective_training_lease where scope = ? and holder = ? and expires_at > now()
                   for update""", String.class, scope.key(), holder).isEmpty();
    }

    /** Gives the lease up (a node shutting down, a retired class detective), so another node need not wait for it to expire. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void release(DetectiveScope scope) {
        jdbc.update("delete from detective_training_lease where scope = ? and holder = ?", scope.key(), holder);
    }

    String holder() {
        return holder;
    }

    private static String thisNode() {
        String host = System.getenv().getOrDefault("HOSTNAME", "node");
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
