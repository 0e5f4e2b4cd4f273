package org.adversarialarena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.adversarialarena.ml.fastpath.FastPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

/** The application installs the fast path as its configuration says, and cannot change what a process runs. */
class FastPathInstallerTest {

    private final FastPathInstaller installer = new FastPathInstaller();

    @Test
    void springBootFindsTheInstaller() {
        // Boot's own post-processors need constructor arguments, which only Boot supplies: skip them here.
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(EnvironmentPostProcessor.class,
                SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> { })))
                .hasAtLeastOneElementOfType(FastPathInstaller.class);
    }

    @Test
    void theConfigurationOfThisProcessIsAccepted() {
        boolean on = FastPath.isOn();
        installer.postProcessEnvironment(new MockEnvironment().withProperty(FastPath.SWITCH, String.valueOf(on)),
                new SpringApplication());
        assertThat(FastPath.isOn()).isEqualTo(on);
    }

    @Test
    void aContextThatWantsTheOtherPathFailsAtStartNamingTheSwitch() {
        boolean on = FastPath.isOn();
        MockEnvironment other = new MockEnvironment().withProperty(FastPath.SWITCH, String.valueOf(!on));
        assertThatThrownBy(() -> installer.postProcessEnvironment(other, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(FastPath.SWITCH);
    }
}
