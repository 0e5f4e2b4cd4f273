package org.adversarialarena.ml;

/** The arguments of the command-line tools: a subject first (a dataset or a model), then {@code --name value} pairs. */
public final class CommandLine {

    private CommandLine() {
    }

    /** The value after {@code name} among the arguments after the subject, or {@code fallback} if it is not given. */
    public static String option(String[] args, String name, String fallback) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
