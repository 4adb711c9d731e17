package org.socklab.cli;

/**
 * The {@code socklab} command's entry point: {@code java -jar socklab.jar grade [DIR]} or
 * {@code grade-all PARENT --csv FILE}. See {@link Cli} for the commands and their exit status.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int status = Cli.standard().run(args);
        System.out.flush();
        System.err.flush();
        // Leftover daemon threads of a grading must not keep the command alive.
        System.exit(status);
    }
}
