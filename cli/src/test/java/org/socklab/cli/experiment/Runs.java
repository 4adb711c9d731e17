package org.socklab.cli.experiment;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code socklab experiment} in this JVM and keeps what it printed. */
final class Runs {
    private Runs() {}

    record Run(int status, String out, String err) {}

    static Run experiment(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ExperimentCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }
}
