package org.adversarialarena.ml.fastpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The switch, in a process where the fast path is on or off (the build runs this class both ways). */
class FastPathTest {

    @Test
    void theSwitchIsOnUnlessItSaysFalse() {
        assertThat(FastPath.switchValue(null)).isTrue();
        assertThat(FastPath.switchValue(" TRUE ")).isTrue();
        assertThat(FastPath.switchValue("false")).isFalse();
        assertThatThrownBy(() -> FastPath.switchValue("off")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(FastPath.SWITCH);
    }

    @Test
    void theProcessRunsAsTheSystemPropertySays() {
        assertThat(FastPath.isOn()).isEqualTo(FastPath.switchValue(System.getProperty(FastPath.SWITCH)));
    }

    @Test
    void whatIsInstalledStaysInstalled() {
        boolean on = FastPath.isOn();
        FastPath.install(on);
        assertThatThrownBy(() -> FastPath.install(!on)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already installed " + (on ? "on" : "off"));
        assertThat(FastPath.isOn()).isEqualTo(on);
    }
}
