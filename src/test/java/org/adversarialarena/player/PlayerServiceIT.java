package org.adversarialarena.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class PlayerServiceIT {

    @Autowired
    PlayerService players;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aJoinedPlayerIsStoredWithTrimmedNicknameAndCreationTime() {
        Player joined = players.join("  ada  ");

        Player found = players.find(joined.getId()).orElseThrow();
        assertThat(found.getNickname()).isEqualTo("ada");
        assertThat(found.getCreated()).isNotNull().isAfter(java.time.Instant.EPOCH);
    }

    @Test
    void blankOrOverlongNicknamesAreRefusedBeforeTheyReachTheDatabase() {
        assertThatThrownBy(() -> players.join("   ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> players.join("x".repeat(41))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("40");
    }

    @Test
    void aBrowserResumesItsPlayerWithItsTokenAndNothingElseDoes() {
        BrowserPlayer joined = players.joinFromBrowser("hedy");

        assertThat(players.resume(joined.resumeToken())).hasValueSatisfying(
                p -> assertThat(p.getId()).isEqualTo(joined.player().getId()));
        assertThat(players.resume(ResumeToken.create())).isEmpty();
        assertThat(players.resume("")).isEmpty();
        assertThat(players.resume("' or 1=1 --")).isEmpty();
        assertThat(players.resume("x".repeat(10_000))).isEmpty();
    }

    @Test
    void theDatabaseKeepsOnlyTheTokensHash() {
        BrowserPlayer joined = players.joinFromBrowser("radia");

        String stored = jdbc.queryForObject("select token_hash from player where id = ?", String.class,
                joined.player().getId());
        assertThat(stored).hasSize(64).isEqualTo(ResumeToken.hash(joined.resumeToken()))
                .doesNotContain(joined.resumeToken());
    }

    @Test
    void anUnknownIdFindsNobody() {
        assertThat(players.find(Long.MAX_VALUE)).isEmpty();
    }
}
