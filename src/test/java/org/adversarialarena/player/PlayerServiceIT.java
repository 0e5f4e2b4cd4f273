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
    void anUnknownIdFindsNobody() {
        assertThat(players.find(Long.MAX_VALUE)).isEmpty();
    }
}
