package org.adversarialarena.competition;

import static org.adversarialarena.competition.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.adversarialarena.player.PlayerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Final picks on the real database, job engine and shipped LeNet: an entrant picks, through the API, a
 * submission that fools the private half although another is better by public score; at the end the
 * private board takes the pick. Another, who picked nothing, is ranked by their best public submission.
 * A team's pick (one member's submission, picked by another) is what both the private board and the
 * cross-evaluation matrix take for the team.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FinalPicksIT {

    @LocalServerPort
    int port;

    @Autowired
    CompetitionService competitions;

    @Autowired
    PlayerService players;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TeamService teams;

    @Autowired
    MatrixJob matrixJob;

    @Autowired
    CrossEvaluationService crossEvaluation;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aPickThroughTheApiGoesToThePrivateBoardAndWithoutOneTheBestByPublicScoreDoes() throws Exception {
        Contests contests = new Contests(jdbc, competitions, players);
        long id = contests.host(20, 10, new EntryRules(1, 1));
        Entrant ada = contests.enter(id, "Ada");
        Entrant ben = contests.enter(id, "Ben");
        String token = competitions.createToken(ada.id(), "notebook");
        Submission adaPublic = contests.submitScored(ada, contests.fooling(id, false));
        Submission adaPrivate = contests.submitScored(ada, contests.fooling(id, true));
        contests.submitScored(ben, contests.fooling(id, false));
        assertThat(adaPublic.publicSuccess()).isEqualTo(1.0);
        assertThat(adaPrivate.privateSuccess()).isEqualTo(1.0);

        HttpResponse<byte[]> picked = send(token, id, adaPrivate.id(), "PUT");
        assertThat(picked.statusCode()).isEqualTo(200);
        assertThat(json.readTree(picked.body()).get("picked").asBoolean()).isTrue();
        // the limit is one: a second pick is refused, unpicking and picking again works
        HttpResponse<byte[]> second = send(token, id, adaPublic.id(), "PUT");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json.readTree(second.body()).get("key").asString()).isEqualTo("competition.refused.picks-full");
        assertThat(send(token, id, adaPrivate.id(), "DELETE").statusCode()).isEqualTo(200);
        assertThat(send(token, id, adaPrivate.id(), "PUT").statusCode()).isEqualTo(200);
        // someone else's submission looks missing
        long bens = competitions.submissionsOf(ben.id()).getFirst().id();
        assertThat(send(token, id, bens, "PUT").statusCode()).isEqualTo(404);
        assertThat(competitions.submissionOf(ben.id(), bens).picked()).isFalse();

        contests.end(id);
        Viewing after = competitions.view(id, null, null);
        assertThat(after.privateBoard().rows()).extracting(BoardRow::entrantId).containsExactly(ada.id(), ben.id());
        assertThat(after.privateBoard().rows()).extracting(BoardRow::success).containsExactly(1.0, 0.0);
        assertThat(after.privateBoard().rows().getFirst().submissionId()).isEqualTo(adaPrivate.id());
        // after the end, picks are closed
        assertRefused(() -> competitions.pick(ada.id(), adaPrivate.id(), false), "competition.refused.over");
        JsonNode board = json.readTree(new ApiClient(port).get(id, token, "/board").body());
        assertThat(board.get(1).get("rows").get(0).get("you").asBoolean()).isTrue();
    }

    @Test
    void aTeamsPickIsTheTeamsFinalAttackOnThePrivateBoardAndInTheMatrix() throws Exception {
        Contests contests = new Contests(jdbc, competitions, players);
        long id = contests.host(20, 10, new EntryRules(1, 2));
        Entrant ada = contests.enter(id, "Ada");
        Entrant ben = contests.enter(id, "Ben");
        Entrant cy = contests.enter(id, "Cy");
        teams.join(ben.id(), teams.create(ada.id(), "Owls").inviteCode());
        Submission owlsBestPublic = contests.submitScored(ada, contests.fooling(id, false));
        Submission bensPrivate = contests.submitScored(ben, contests.fooling(id, true));
        Submission cysPublic = contests.submitScored(cy, contests.fooling(id, false));
        // Ada picks her teammate's submission for the team, although her own is better by public score
        competitions.pick(ada.id(), bensPrivate.id(), true);

        contests.end(id);
        Viewing reveal = competitions.view(id, ben.playerId(), null);
        assertThat(reveal.privateBoard().rows()).extracting(BoardRow::name).containsExactly("Owls", cy.nickname());
        assertThat(reveal.privateBoard().rows()).extracting(BoardRow::submissionId)
                .containsExactly(bensPrivate.id(), cysPublic.id());
        assertThat(reveal.privateBoard().rows()).extracting(BoardRow::you).containsExactly(true, false);

        matrixJob.compute(id, true);
        Matrix matrix = crossEvaluation.matrix(reveal);
        assertThat(matrix.status()).as(matrix.failure()).isEqualTo(MatrixStatus.DONE);
        // one row per competitor: the team's pick (not Ada's best by public score) and Cy's best
        assertThat(matrix.rows()).extracting(Matrix.Row::submissionId)
                .containsExactlyInAnyOrder(bensPrivate.id(), cysPublic.id())
                .doesNotContain(owlsBestPublic.id());
        Matrix.Row owls = matrix.rows().stream().filter(row -> row.submissionId() == bensPrivate.id()).findFirst()
                .orElseThrow();
        assertThat(owls.name()).isEqualTo("Owls");
        assertThat(owls.you()).as("Ben's team's row").isTrue();
        // the target column: the picked set fools the target on its private half, 10 of the 20 images
        assertThat(owls.misclassified().getFirst()).isEqualTo(10);
        assertThat(matrix.columns()).hasSize(1);
    }

    private HttpResponse<byte[]> send(String token, long competitionId, long submissionId, String method) throws Exception {
        return new ApiClient(port).call(method, competitionId, token, "/submissions/" + submissionId + "/pick");
    }
}
