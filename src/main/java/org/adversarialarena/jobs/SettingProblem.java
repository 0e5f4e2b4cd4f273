package org.adversarialarena.jobs;

import java.util.List;

/**
 * One thing wrong with a run's settings.
 *
 * @param setting   the setting's name, e.g. {@code loss}
 * @param key       the translation key of the message, under {@code jobs.settings.}
 * @param arguments what the translated message refers to as {0}, {1}, …
 * @param message   the same in English, for logs and API clients
 */
public record SettingProblem(String setting, String key, List<Object> arguments, String message) {

    public SettingProblem {
        arguments = List.copyOf(arguments);
    }
}
