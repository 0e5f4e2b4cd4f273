package org.adversarialarena.forge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every stored forgery is counted once by a node, however the transactions that stored them commit. */
class CountedForgeriesTest {

    @Test
    void aForgeryIsCountedOnceAndOneCommittedOutOfIdOrderIsStillRead() {
        CountedForgeries counted = new CountedForgeries(0);
        assertThat(counted.count(5)).isTrue();
        assertThat(counted.count(5)).as("twice").isFalse();
        assertThat(counted.count(7)).isTrue();

        // Forgery 6 committed after 7 was read: the next read still reaches back to it.
        assertThat(counted.readAfter()).isLessThan(6);
        assertThat(counted.count(6)).isTrue();
        assertThat(counted.last()).isEqualTo(7);
    }

    @Test
    void whatAResumedCheckpointCountedIsNeverCountedAgain() {
        CountedForgeries counted = new CountedForgeries(1000);
        assertThat(counted.readAfter()).isEqualTo(1000);
        assertThat(counted.count(999)).isFalse();
        assertThat(counted.count(1001)).isTrue();
        assertThat(counted.readAfter()).as("never below the checkpoint's last").isEqualTo(1000);
        assertThat(counted.last()).isEqualTo(1001);
    }

    @Test
    void theLookBackIsBoundedSoReadsStayShort() {
        CountedForgeries counted = new CountedForgeries(0);
        for (long id = 1; id <= 2000; id++) {
            counted.count(id);
        }
        assertThat(counted.readAfter()).isEqualTo(2000 - CountedForgeries.LOOK_BACK);
        assertThat(counted.count(2000 - CountedForgeries.LOOK_BACK + 1)).as("within the look-back: known").isFalse();
    }
}
