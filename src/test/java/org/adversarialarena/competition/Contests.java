package org.adversarialarena.competition;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Running contests for the entry tests (picks, teams, drafts): hosted at L∞ ε = 1 with given entry
 * rules, entrants, adversarial sets sure to fool one half only, and waiting for a score.
 */
final class Contests {

    static final Duration EVALUATION = Duration.ofSeconds(120);

    private final JdbcTemplate jdbc;
    private final CompetitionService competitions;
    private final PlayerService players;

    Contests(JdbcTemplate jdbc, CompetitionService competitions, PlayerService players) {
        this.jdbc = jdbc;
        this.competitions = competitions;
        this.players = players;
    }

    /** A public week-long contest open since a minute ago, on the shipped LeNet, ε = 1 (so any image is within budget). */
    long host(int images, int totalCap, EntryRules rules) {
        HostedCompetitions.signedInNew(jdbc, "INSTRUCTOR");
        try {
            Instant begin = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
            return competitions.host(new CompetitionSettings("Entries", "Rules", false, begin,
                    begin.plus(Duration.ofDays(7)), List.of(new CompetitionPhase("black-box", begin, false, false)),
                    totalCap, totalCap, Duration.ZERO, false, "mnist-lenet", images, 5,
                    new AttackBudget(BudgetNorm.LINF, 1.0), rules));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    Entrant enter(long competitionId, String name) {
        Player player = players.join(name + UUID.randomUUID().toString().substring(0, 5));
        return competitions.enter(competitionId, player, null);
    }

    /** Ends the contest now, as time would (its end moved in the database). */
    void end(long competitionId) {
        jdbc.update("update competition set ends_at = now() - interval '1 second' where id = ?", competitionId);
    }

    /**
     * The set with one half's images each replaced by a set image of another class (which the target
     * classifies as that class: the set holds only images it gets right), the other half untouched.
     */
    float[][] fooling(long competitionId, boolean privateHalf) {
        ChallengeSet set = competitions.challengeSet(competitionId);
        float[][] images = new float[set.size()][];
        for (ChallengeImage image : set.images()) {
            images[image.position()] = image.privateHalf() == privateHalf ? otherClass(set, image.label())
                    : image.pixels().clone();
        }
        return images;
    }

    Submission submitScored(Entrant entrant, float[][] images) throws InterruptedException {
        return waitScored(entrant, competitions.submit(entrant.id(), Fixtures.npy(images), Channel.API).id());
    }

    Submission waitScored(Entrant entrant, long submissionId) throws InterruptedException {
        long deadline = System.nanoTime() + EVALUATION.toNanos();
        Submission current = competitions.submissionOf(entrant.id(), submissionId);
        while (current.status() != SubmissionStatus.SCORED) {
            if (current.status() == SubmissionStatus.FAILED || System.nanoTime() > deadline) {
                throw new AssertionError("Submission " + submissionId + " not scored: " + current);
            }
            Thread.sleep(200);
            current = competitions.submissionOf(entrant.id(), submissionId);
        }
        return current;
    }

    private static float[] otherClass(ChallengeSet set, int label) {
        return set.images().stream().filter(image -> image.label() != label).findFirst().orElseThrow().pixels().clone();
    }
}
