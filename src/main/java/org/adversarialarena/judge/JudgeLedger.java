package org.adversarialarena.judge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.metrics.Staircase;
import org.adversarialarena.player.Player;
import org.adversarialarena.round.Board;
import org.adversarialarena.round.Game;
import org.adversarialarena.round.RoundService;
import org.adversarialarena.round.Score;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Judge's records, each change in one short transaction: a session and its items are stored
 * together; an image is served (with its exposure) and answered under the session's row lock, so
 * two tabs cannot answer one image twice or skip one; the last answer scores the round with it.
 */
@Service
@Transactional
class JudgeLedger {

    private final JudgeSessionRepository sessions;
    private final JudgeItemRepository items;
    private final RoundService rounds;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    JudgeLedger(JudgeSessionRepository sessions, JudgeItemRepository items, RoundService rounds, JdbcTemplate jdbc,
            Clock clock) {
        this.sessions = sessions;
        this.items = items;
        this.rounds = rounds;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static Board board(DatasetId dataset, JudgeMode mode) {
        return new Board(Game.JUDGE, dataset.slug(), mode.slug());
    }

    long open(Player player, DatasetId dataset, JudgeMode mode, int warmUpItems, List<PlannedItem> planned) {
        JudgeSessionEntity session = sessions.save(new JudgeSessionEntity(player, dataset, mode, warmUpItems,
                planned.size(), clock.instant()));
        Long id = session.getId();
        if (id == null) {
            throw new IllegalStateException("A saved session has no id");
        }
        List<JudgeItemEntity> rows = new ArrayList<>(planned.size());
        for (int i = 0; i < planned.size(); i++) {
            rows.add(new JudgeItemEntity(id, i, planned.get(i)));
        }
        items.saveAll(rows);
        return id;
    }

    /**
     * The image waiting for the player's answer, served now if it was not yet (timed mode: with the
     * staircase's next exposure, warm-up images at the start exposure); empty once all are answered.
     */
    Optional<ShownImage> serve(long playerId, long sessionId, Staircase staircase) {
        JudgeSessionEntity session = owned(playerId, sessionId);
        List<JudgeItemEntity> all = items.findBySessionIdOrderByPosition(sessionId);
        Optional<JudgeItemEntity> waiting = all.stream().filter(item -> !item.isAnswered()).findFirst();
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        JudgeItemEntity item = waiting.get();
        if (!item.isServed()) {
            Integer exposure = null;
            if (session.mode() == JudgeMode.TIMED) {
                exposure = item.isQualification() ? staircase.startMs()
                        : JudgeScoring.staircase(answers(all), staircase).nextMs();
            }
            item.serve(clock.instant(), exposure);
        }
        Integer exposure = item.getExposureMs();
        return Optional.of(new ShownImage(sessionId, item.id(), item.getPosition(), all.size(), item.isQualification(),
                item.pixels(), exposure == null ? OptionalInt.empty() : OptionalInt.of(exposure)));
    }

    /** Stores the answer to the waiting image; the last one finishes the session and scores its round. */
    Answered answer(long playerId, long sessionId, long itemId, boolean saysFake, Staircase staircase) {
        JudgeSessionEntity session = owned(playerId, sessionId);
        List<JudgeItemEntity> all = items.findBySessionIdOrderByPosition(sessionId);
        JudgeItemEntity item = all.stream().filter(candidate -> !candidate.isAnswered()).findFirst()
                .filter(waiting -> waiting.id() == itemId && waiting.isServed())
                .orElseThrow(() -> new ImageNotWaitingException(itemId));
        item.answer(saysFake, clock.instant());
        List<JudgeScoring.Answer> answers = answers(all);
        if (session.getQualified() == null) {
            Boolean qualified = JudgeScoring.qualified(answers, session.getQualificationItems());
            if (qualified != null) {
                session.qualify(qualified);
            }
        }
        boolean counted = !item.isQualification() && Boolean.TRUE.equals(session.getQualified());
        Optional<JudgeResult> finished = Optional.empty();
        if (answers.size() == all.size()) {
            JudgeResult result = JudgeScoring.result(answers, session.getQualificationItems(), session.mode(), staircase);
            Score score = rounds.record(board(session.dataset(), session.mode()), session.getPlayer(), result.points());
            session.finish(result.thresholdMs().isPresent() ? result.thresholdMs().getAsDouble() : null,
                    score.getRound().getId(), clock.instant());
            finished = Optional.of(result);
        }
        return new Answered(item.id(), item.isReal(), saysFake, item.isCorrect(), item.getSource(), item.getClassIndex(),
                item.getDetectiveReal(), item.getDetectiveVersion(), item.getAnswerMs(), counted, finished);
    }

    /** The measures of a session as far as it has been answered. */
    @Transactional(readOnly = true)
    JudgeResult result(long playerId, long sessionId, Staircase staircase) {
        JudgeSessionEntity session = sessions.findById(sessionId).filter(found -> ownedBy(found, playerId))
                .orElseThrow(() -> new NoSuchElementException("No Judge session " + sessionId + " of this player"));
        return JudgeScoring.result(answers(items.findBySessionIdOrderByPosition(sessionId)),
                session.getQualificationItems(), session.mode(), staircase);
    }

    /** Per source and evaluator: qualified, untimed, answered fakes of a dataset, and how many were called real. */
    @Transactional(readOnly = true)
    List<Tally> fakesBySourceAndPlayer(DatasetId dataset) {
        return jdbc.query("""
                select i.source as label, s.player_id, count(*) as shown,
                       count(*) filter (where not i.answered_fake) as hits
                  from judge_item i join judge_session s on s.id = i.session_id
                 where s.dataset = ? and s.qualified and not s.timed and not i.qualification and not i.real
                   and i.answered_at is not null
                 group by i.source, s.player_id""", JudgeLedger::tally, dataset.slug());
    }

    /** Per class and evaluator: as {@link #fakesBySourceAndPlayer}, all generators together. */
    @Transactional(readOnly = true)
    List<Tally> fakesByClassAndPlayer(DatasetId dataset) {
        return jdbc.query("""
                select i.class_index::text as label, s.player_id, count(*) as shown,
                       count(*) filter (where not i.answered_fake) as hits
                  from judge_item i join judge_session s on s.id = i.session_id
                 where s.dataset = ? and s.qualified and not s.timed and not i.qualification and not i.real
                   and i.answered_at is not null
                 group by i.class_index, s.player_id""", JudgeLedger::tally, dataset.slug());
    }

    /** Per evaluator: qualified, untimed, answered real images, and how many were called fake. */
    @Transactional(readOnly = true)
    List<Tally> realsByPlayer(DatasetId dataset) {
        return jdbc.query("""
                select 'real' as label, s.player_id, count(*) as shown,
                       count(*) filter (where i.answered_fake) as hits
                  from judge_item i join judge_session s on s.id = i.session_id
                 where s.dataset = ? and s.qualified and not s.timed and not i.qualification and i.real
                   and i.answered_at is not null
                 group by s.player_id""", JudgeLedger::tally, dataset.slug());
    }

    /** One evaluator's count under one label (a source, a class): {@code hits} of {@code shown}. */
    record Tally(String label, long playerId, long shown, long hits) {
    }

    /** The stored answer and what it reveals, before the service names the generator. */
    record Answered(long itemId, boolean real, boolean saidFake, boolean correct, String source, int classIndex,
            double detectiveReal, long detectiveVersion, long answerMs, boolean counted,
            Optional<JudgeResult> finished) {
    }

    private static Tally tally(ResultSet row, int index) throws SQLException {
        return new Tally(row.getString("label"), row.getLong("player_id"), row.getLong("shown"), row.getLong("hits"));
    }

    private static List<JudgeScoring.Answer> answers(List<JudgeItemEntity> all) {
        List<JudgeScoring.Answer> answers = new ArrayList<>(all.size());
        for (JudgeItemEntity item : all) {
            if (item.isAnswered()) {
                answers.add(new JudgeScoring.Answer(item.isQualification(), item.isReal(), item.saidFake()));
            }
        }
        return answers;
    }

    private JudgeSessionEntity owned(long playerId, long sessionId) {
        return sessions.lockById(sessionId).filter(session -> ownedBy(session, playerId))
                .orElseThrow(() -> new NoSuchElementException("No Judge session " + sessionId + " of this player"));
    }

    private static boolean ownedBy(JudgeSessionEntity session, long playerId) {
        @Nullable Long owner = session.getPlayer().getId();
        return owner != null && owner == playerId;
    }
}
