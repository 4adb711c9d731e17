package org.socklab.cli.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.GradedFailure;

/**
 * Runs the cases: for each server, a short warm-up that is not recorded (the first connections of
 * a fresh JVM pay for loading and compiling classes), then one case per number of clients. A
 * server that fails every request of the warm-up (refused, a wrong reply) is not measured: the
 * run fails with the reason, when the harness knows it (not implemented, it threw, ...). A warm-up
 * that only ran out of time goes on: its cases will say that they ran out.
 *
 * <p>Not thread-safe: one run at a time.
 */
final class Experiment {
    /** Requests of the unrecorded warm-up of each server, from one client. */
    static final int WARM_UP = 20;

    private final Exercise exercise;
    private final Settings settings;

    Experiment(Exercise exercise, Settings settings) {
        this.exercise = exercise;
        this.settings = settings;
    }

    /**
     * Measures each server; what a server prints goes to {@code server-<name>.log} in {@code logs};
     * {@code progress} sees each case as it ends.
     */
    List<CaseResult> run(Path classes, Path work, Path logs, Consumer<CaseResult> progress) {
        List<CaseResult> results = new ArrayList<>();
        for (Server server : settings.servers()) {
            try (MeasuredServer measured = MeasuredServer.start(
                    exercise,
                    server,
                    classes,
                    settings.hold(),
                    work,
                    logs.resolve("server-" + server.value() + ".log"))) {
                CaseResult warmUp = ClosedLoopLoad.run(server, measured.address(), 1, WARM_UP, settings.caseBound());
                if (warmUp.completed() == 0 && warmUp.failed() > 0) {
                    throw new GradedFailure(measured.diagnosis().orElse(Messages.of("error.noReply", WARM_UP)));
                }
                for (int clients : settings.clients()) {
                    CaseResult result = ClosedLoopLoad.run(
                            server, measured.address(), clients, settings.requests(), settings.caseBound());
                    results.add(result);
                    progress.accept(result);
                }
            }
        }
        return List.copyOf(results);
    }
}
