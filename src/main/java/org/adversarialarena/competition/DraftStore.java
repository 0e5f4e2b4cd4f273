package org.adversarialarena.competition;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adversarial sets in the making, one saved image at a time, in PostgreSQL (table competition_draft_image). */
@Service
@Transactional
class DraftStore {

    private final JdbcTemplate jdbc;

    DraftStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void save(long entrantId, int position, float[] pixels, Instant now) {
        jdbc.update("insert into competition_draft_image (entrant_id, position, pixels, saved_at) values (?, ?, ?, ?)"
                + " on conflict (entrant_id, position) do update set pixels = excluded.pixels, saved_at = excluded.saved_at",
                entrantId, position, AttackFile.raw(new float[][] {pixels}), Timestamp.from(now));
    }

    void discard(long entrantId, int position) {
        jdbc.update("delete from competition_draft_image where entrant_id = ? and position = ?", entrantId, position);
    }

    @Transactional(readOnly = true)
    Optional<float[]> image(long entrantId, int position) {
        return jdbc.query("select pixels from competition_draft_image where entrant_id = ? and position = ?",
                (rs, n) -> AttackFile.fromRaw(rs.getBytes(1))[0], entrantId, position).stream().findFirst();
    }

    @Transactional(readOnly = true)
    List<Integer> savedPositions(long entrantId) {
        return jdbc.queryForList("select position from competition_draft_image where entrant_id = ? order by position",
                Integer.class, entrantId);
    }

    /** The saved images by position; null where none is saved. */
    @Transactional(readOnly = true)
    float[][] images(long entrantId, int size) {
        float[][] images = new float[size][];
        jdbc.query("select position, pixels from competition_draft_image where entrant_id = ?", rs -> {
            int position = rs.getInt(1);
            if (position < size) {
                images[position] = AttackFile.fromRaw(rs.getBytes(2))[0];
            }
        }, entrantId);
        return images;
    }
}
