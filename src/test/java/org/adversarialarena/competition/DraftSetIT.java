package org.adversarialarena.competition;

import static org.adversarialarena.competition.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.adversarialarena.player.PlayerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A set drafted image by image, on the real database, job engine and shipped LeNet: the saved images
 * are exactly what is evaluated (the public half drafted to fool scores 100 %, the untouched private
 * half 0 %), and the draft's submission counts against the cap like an upload's, so over the cap it is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DraftSetIT {

    @Autowired
    CompetitionService competitions;

    @Autowired
    DraftService drafts;

    @Autowired
    PlayerService players;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDraftedImagesAreWhatIsScoredAndTheCapHolds() throws Exception {
        Contests contests = new Contests(jdbc, competitions, players);
        long id = contests.host(20, 1, EntryRules.INDIVIDUALS);
        Entrant ada = contests.enter(id, "Ada");
        float[][] fooling = contests.fooling(id, false);
        ChallengeSet set = competitions.challengeSet(id);
        for (ChallengeImage image : set.images()) {
            if (!image.privateHalf()) {
                drafts.save(ada.id(), image.position(), fooling[image.position()]);
            }
        }
        assertThat(drafts.progress(ada.id()).done()).isEqualTo(10);

        Submission submitted = drafts.submit(ada.id());
        assertThat(submitted.channel()).isEqualTo(Channel.CANVAS);
        Submission scored = contests.waitScored(ada, submitted.id());
        assertThat(scored.publicSuccess()).isEqualTo(1.0);
        assertThat(scored.privateSuccess()).isEqualTo(0.0);

        assertRefused(() -> drafts.submit(ada.id()), "competition.refused.total-cap");
        assertThat(competitions.submissionsOf(ada.id())).hasSize(1);
    }
}
