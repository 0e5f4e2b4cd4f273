package org.adversarialarena.jobs;

import java.util.List;
import java.util.stream.Collectors;

/** A run's settings were refused; every problem found is listed, so a form can mark them all at once. */
public class InvalidRunSettingsException extends RuntimeException {

    private final List<SettingProblem> problems;

    InvalidRunSettingsException(List<SettingProblem> problems) {
        super(problems.stream().map(SettingProblem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<SettingProblem> problems() {
        return problems;
    }
}
