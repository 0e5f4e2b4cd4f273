package org.adversarialarena.ml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A tool's option is the value after its name; the subject before the options is never taken for one. */
class CommandLineTest {

    @Test
    void anOptionIsTheValueAfterItsNameAndAMissingOneFallsBack() {
        String[] args = {"mnist", "--epochs", "4", "--seed"};

        assertThat(CommandLine.option(args, "--epochs", "10")).isEqualTo("4");
        assertThat(CommandLine.option(args, "--batch", "64")).isEqualTo("64");
        assertThat(CommandLine.option(args, "--seed", "1")).isEqualTo("1");
    }

    @Test
    void theSubjectIsNotAnOption() {
        assertThat(CommandLine.option(new String[] {"--epochs", "4"}, "--epochs", "10")).isEqualTo("10");
    }

    @Test
    void aFlagCountsOnlyAfterTheSubject() {
        String[] args = {"mnist-lenet-madry", "--epochs", "4", "--measure-only"};
        assertThat(CommandLine.flag(args, "--measure-only")).isTrue();
        assertThat(CommandLine.flag(args, "--from")).isFalse();
        assertThat(CommandLine.flag(new String[] {"--measure-only"}, "--measure-only")).isFalse();
    }
}
