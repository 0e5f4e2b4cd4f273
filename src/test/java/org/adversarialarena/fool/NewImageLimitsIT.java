package org.adversarialarena.fool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.adversarialarena.quota.RateLimiter;
import org.adversarialarena.round.SubmissionLimiter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** "New image" costs a model run and a row: it is limited, replaces the open image of its level, and expired ones go. */
@SpringBootTest
class NewImageLimitsIT {

    @Autowired
    FoolService fool;

    @Autowired
    PlayerService players;

    @Autowired
    AttemptLedger ledger;

    @Autowired
    ModelCatalog models;

    @Autowired
    ChallengeJudge judge;

    @Autowired
    SubmissionLimiter submissions;

    @Autowired
    SentinelDetector detector;

    @Autowired
    ExpiredChallengePurge purge;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPlayerGetsAtMostTheLimitOfNewImagesInAMinuteAndIsToldWhenToAskAgain() {
        Clock twentySecondsIntoAMinute = Clock.fixed(
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(20), ZoneOffset.UTC);
        FoolProperties threeAMinute = new FoolProperties(Duration.ofMinutes(30), 5, 0.9f, 8, 3, Duration.ofMinutes(10));
        FoolService limited = new FoolService(ledger, models, judge, submissions,
                new RateLimiter(jdbc, twentySecondsIntoAMinute), detector, threeAMinute, Clock.systemUTC());
        Player player = players.join("greta");
        Player other = players.join("hanna");
        for (int i = 0; i < 3; i++) {
            limited.newChallenge(player, FoolLevel.FEW_PIXELS, DatasetId.MNIST);
        }

        assertThatThrownBy(() -> limited.newChallenge(player, FoolLevel.FAINT_TOUCH, DatasetId.MNIST))
                .isInstanceOfSatisfying(TooManyNewImagesException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(40));
        assertThat(limited.newChallenge(other, FoolLevel.FEW_PIXELS, DatasetId.MNIST)).isNotNull();
        assertThat(challengesOf(player)).isEqualTo(3);
    }

    /** Throw-away players of one browser session share one player's allowance (issue 24). */
    @Test
    void aSessionGetsNoMoreNewImagesThanOnePlayerWhicheverPlayersItHolds() {
        Clock twentySecondsIntoAMinute = Clock.fixed(
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(20), ZoneOffset.UTC);
        FoolProperties threeAMinute = new FoolProperties(Duration.ofMinutes(30), 5, 0.9f, 8, 3, Duration.ofMinutes(10));
        FoolService limited = new FoolService(ledger, models, judge, submissions,
                new RateLimiter(jdbc, twentySecondsIntoAMinute), detector, threeAMinute, Clock.systemUTC());
        Player first = players.join("ivo");
        Player throwAway = players.join("jan");
        Player elsewhere = players.join("kai");
        try {
            inBrowserSession("one-browser");
            for (int i = 0; i < 3; i++) {
                limited.newChallenge(first, FoolLevel.FEW_PIXELS, DatasetId.MNIST);
            }
            assertThatThrownBy(() -> limited.newChallenge(throwAway, FoolLevel.FEW_PIXELS, DatasetId.MNIST))
                    .isInstanceOf(TooManyNewImagesException.class);

            inBrowserSession("another-browser");
            assertThat(limited.newChallenge(elsewhere, FoolLevel.FEW_PIXELS, DatasetId.MNIST)).isNotNull();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
        assertThat(challengesOf(throwAway)).isZero();
    }

    private static void inBrowserSession(String name) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(new MockHttpSession(null, name + "-" + UUID.randomUUID()));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @Test
    void aNewImageClosesThePlayersOpenChallengeOfThatLevelOnly() {
        Player player = players.join("ines");
        Challenge first = fool.newChallenge(player, FoolLevel.FEW_PIXELS, DatasetId.MNIST);
        Challenge otherLevel = fool.newChallenge(player, FoolLevel.FAINT_TOUCH, DatasetId.MNIST);
        Challenge second = fool.newChallenge(player, FoolLevel.FEW_PIXELS, DatasetId.FASHION_MNIST);

        assertThat(closedBy(first.id())).isEqualTo(IssuedChallenge.REPLACED);
        assertThat(closedBy(otherLevel.id())).isNull();
        assertThat(closedBy(second.id())).isNull();
        assertThatThrownBy(() -> fool.submit(first.id(), player.getId(), first.original()))
                .isInstanceOfSatisfying(SubmissionRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(SubmissionRejectedException.Reason.CHALLENGE_CLOSED));
        assertThat(jdbc.queryForObject("select count(*) from fool_challenge where player_id = ? and closed_at is null",
                Integer.class, player.getId())).isEqualTo(2);
    }

    @Test
    void expiredChallengesThatWereNeverSubmittedArePurgedAndSubmittedOnesStay() {
        Player player = players.join("jona");
        Challenge submitted = fool.newChallenge(player, FoolLevel.FEW_PIXELS, DatasetId.MNIST);
        fool.submit(submitted.id(), player.getId(), submitted.original());
        Challenge abandoned = fool.newChallenge(player, FoolLevel.FAINT_TOUCH, DatasetId.MNIST);
        Challenge justExpired = fool.newChallenge(player, FoolLevel.TARGETED, DatasetId.MNIST);
        Challenge open = fool.newChallenge(player, FoolLevel.BLINDFOLD, DatasetId.MNIST);
        jdbc.update("update fool_challenge set expires_at = now() - interval '1 day' where id in (?, ?)",
                submitted.id(), abandoned.id());
        jdbc.update("update fool_challenge set expires_at = now() - interval '1 second' where id = ?", justExpired.id());

        assertThat(purge.purge()).isPositive();

        assertThat(exists(abandoned.id())).isFalse();
        assertThat(exists(submitted.id())).as("its attempt keeps it").isTrue();
        assertThat(exists(justExpired.id())).as("expired less than a purge period ago").isTrue();
        assertThat(exists(open.id())).isTrue();
    }

    private int challengesOf(Player player) {
        Integer count = jdbc.queryForObject("select count(*) from fool_challenge where player_id = ?", Integer.class,
                player.getId());
        return count == null ? 0 : count;
    }

    private String closedBy(UUID challenge) {
        return jdbc.queryForObject("select closed_by from fool_challenge where id = ?", String.class, challenge);
    }

    private boolean exists(UUID challenge) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from fool_challenge where id = ?)",
                Boolean.class, challenge));
    }
}
