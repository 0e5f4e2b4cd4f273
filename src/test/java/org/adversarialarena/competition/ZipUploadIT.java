package org.adversarialarena.competition;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import org.adversarialarena.player.PlayerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ZIP of PNGs over real HTTP, on the real database, job engine and shipped LeNet: a good archive is
 * scored like a .npy of the same images; a bad one is refused with its reason, nothing stored or counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ZipUploadIT {

    @LocalServerPort
    int port;

    @Autowired
    CompetitionService competitions;

    @Autowired
    PlayerService players;

    @Autowired
    JdbcTemplate jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aZipOfPngsIsScoredAndABadOneIsRefusedWithNothingStoredOrCounted() throws Exception {
        Contests contests = new Contests(jdbc, competitions, players);
        long id = contests.host(20, 10, EntryRules.INDIVIDUALS);
        Entrant ada = contests.enter(id, "Ada");
        String token = competitions.createToken(ada.id(), "notebook");
        float[][] fooling = contests.fooling(id, false);

        float[][] missingOne = Arrays.copyOf(fooling, 19);
        HttpResponse<byte[]> refused = post(token, id, PngZipTest.zip(missingOne));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("key").asString()).isEqualTo("competition.refused.zip-missing");
        assertThat(json.readTree(refused.body()).get("detail").asString()).isNotBlank();
        assertThat(competitions.submissionsOf(ada.id())).isEmpty();
        assertThat(competitions.allowance(ada).remainingTotal()).isEqualTo(10);

        HttpResponse<byte[]> accepted = post(token, id, PngZipTest.zip(fooling));
        assertThat(accepted.statusCode()).isEqualTo(202);
        Submission scored = contests.waitScored(ada, json.readTree(accepted.body()).get("id").asLong());
        assertThat(scored.publicSuccess()).isEqualTo(1.0);
        assertThat(scored.privateSuccess()).isEqualTo(0.0);
        assertThat(competitions.allowance(ada).remainingTotal()).isEqualTo(9);
    }

    private HttpResponse<byte[]> post(String token, long competitionId, byte[] file) throws Exception {
        return new ApiClient(port).submit(competitionId, token, file, ApiClient.ZIP);
    }
}
