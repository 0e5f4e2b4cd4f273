package org.adversarialarena.competition.forgetrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.adversarialarena.competition.Competition;
import org.adversarialarena.competition.CompetitionRefusedException;
import org.adversarialarena.competition.CompetitionService;
import org.adversarialarena.competition.EntryRules;
import org.adversarialarena.competition.ForgeTrack;
import org.adversarialarena.competition.HostedCompetitions;
import org.adversarialarena.forge.ForgeService;
import org.adversarialarena.forge.Reverdict;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.detective.DetectiveLearningMain;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Forge track on the real embedded PostgreSQL, the shipped networks and the live detective: two
 * entrants forge through the Forge game, an outsider and another prompt do not count, and at the end the
 * job ranks each entrant's best forgery exactly as the final verdict judges it again. Automatic training
 * is off, so the detective is the same when the test judges again.
 */
@SpringBootTest(properties = {"arena.forge.train-every=100000", "arena.forge.checkpoint-every=1000",
        "arena.submissions.min-interval=0s", "arena.submissions.per-minute=1000"})
class ForgeContestIT {

    private static final int SEVEN = 7;

    @Autowired
    CompetitionService competitions;

    @Autowired
    ForgeContestService forgeContests;

    @Autowired
    ForgeContestJob job;

    @Autowired
    ForgeService forge;

    @Autowired
    PlayerService players;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theForgeBoardRanksEachEntrantsBestForgeryAsTheDetectiveJudgesItAgainAtTheEnd() {
        long id = HostedCompetitions.openNow(jdbc, competitions, "Forge sevens", 2, 1, EntryRules.INDIVIDUALS,
                new ForgeTrack(DatasetId.MNIST, SEVEN));
        Player ann = players.join(nickname("ann"));
        Player bo = players.join(nickname("bo"));
        Player outsider = players.join(nickname("cy"));
        competitions.enter(id, ann, null);
        competitions.enter(id, bo, null);

        forge.submit(ann, DatasetId.MNIST, SEVEN, DetectiveLearningMain.blockySeven(0, 0));
        forge.submit(ann, DatasetId.MNIST, SEVEN, DetectiveLearningMain.blockySeven(1, 1));
        forge.submit(ann, DatasetId.MNIST, 1, DetectiveLearningMain.blockySeven(-1, 0));
        forge.submit(bo, DatasetId.MNIST, SEVEN, DetectiveLearningMain.blockySeven(-1, 1));
        forge.submit(bo, DatasetId.MNIST, SEVEN, DetectiveLearningMain.blockySeven(1, -1));
        forge.submit(outsider, DatasetId.MNIST, SEVEN, DetectiveLearningMain.blockySeven(0, 1));

        // before the end: own forgeries of the prompt count, the board is empty
        ForgeStanding before = forgeContests.standing(competitions.view(id, ann.getId(), null)).orElseThrow();
        assertThat(before.ownForgeries()).isEqualTo(2);
        assertThat(before.over()).isFalse();
        assertThat(before.rows()).isEmpty();
        job.judge(id);
        assertThat(jdbc.queryForObject("select count(*) from competition_forge_result where competition_id = ?",
                Integer.class, id)).as("the end's job does nothing before the end").isZero();

        Instant end = Instant.now();
        jdbc.update("update competition set ends_at = ? where id = ?", Timestamp.from(end), id);
        job.judge(id);

        // the same detective judges again: each entrant's best forgery of the prompt, by its points
        Competition competition = competitions.view(id, ann.getId(), null).competition();
        Map<Long, String> entrants = Map.of(ann.getId(), ann.getNickname(), bo.getId(), bo.getNickname());
        List<Reverdict> verdicts = forge.finalVerdict(DatasetId.MNIST, competition.settings().startsAt(), end).stream()
                .filter(v -> v.forgery().promptClass() == SEVEN && entrants.containsKey(v.forgery().playerId()))
                .toList();
        assertThat(verdicts).hasSize(4);
        List<Reverdict> expected = verdicts.stream()
                .collect(java.util.stream.Collectors.toMap(v -> v.forgery().playerId(), v -> v,
                        (a, b) -> a.points() >= b.points() ? a : b))
                .values().stream().sorted(Comparator.comparingDouble(Reverdict::points).reversed()).toList();

        ForgeStanding after = forgeContests.standing(competitions.view(id, ann.getId(), null)).orElseThrow();
        assertThat(after.over()).isTrue();
        assertThat(after.judged()).isTrue();
        assertThat(after.rows()).extracting(ForgeStanding.Row::name)
                .containsExactlyElementsOf(expected.stream().map(v -> entrants.get(v.forgery().playerId())).toList());
        assertThat(after.rows()).extracting(ForgeStanding.Row::score)
                .containsExactlyElementsOf(expected.stream().map(Reverdict::points).toList());
        assertThat(after.rows()).extracting(ForgeStanding.Row::rank).containsExactly(1, 2);
        assertThat(after.rows()).filteredOn(ForgeStanding.Row::you).extracting(ForgeStanding.Row::name)
                .containsExactly(ann.getNickname());
        assertThat(after.rows()).allSatisfy(row -> assertThat(row.pixels()).hasSize(784));
        assertThat(Set.copyOf(jdbc.queryForList("select forgery_id from competition_forge_result where competition_id = ?",
                Long.class, id))).isEqualTo(Set.copyOf(expected.stream().map(v -> v.forgery().id()).toList()));
    }

    @Test
    void aPromptTheDatasetDoesNotHaveIsRefusedAndNothingIsStored() {
        Integer before = jdbc.queryForObject("select count(*) from competition", Integer.class);
        assertThatThrownBy(() -> HostedCompetitions.openNow(jdbc, competitions, "Forge tens", 2, 1,
                EntryRules.INDIVIDUALS, new ForgeTrack(DatasetId.MNIST, 10)))
                .isInstanceOfSatisfying(CompetitionRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("competition.refused.forge"));
        assertThat(jdbc.queryForObject("select count(*) from competition", Integer.class)).isEqualTo(before);
    }

    private static String nickname(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }
}
