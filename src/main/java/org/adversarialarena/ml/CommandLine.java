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

    /** Whether {@code name} stands among the arguments after the subject, as a flag without a value. */
    public static boolean flag(String[] args, String name) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(name)) {
                return true;
            }
        }
        return false;
    }
}
