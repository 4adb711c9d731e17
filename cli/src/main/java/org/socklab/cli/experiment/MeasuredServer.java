package org.socklab.cli.experiment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.socklab.grader.Exercise;
import org.socklab.grader.experiment.ExperimentTarget;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.harness.IsolatedServers;
import org.socklab.grader.harness.RunningServer;

/**
 * One server of the experiment, started the way grading starts a submission's server: in a child
 * JVM with the grader's bounds ({@link IsolatedServers}). What runs there is the exercise's server
 * class name bound to a stand-in, compiled here, that hands the listener to
 * {@link ExperimentTarget}: that one holds every request {@code hold} and calls the real server,
 * the submission's or the sequential baseline.
 *
 * <p>Not thread-safe; close it to stop the child.
 */
final class MeasuredServer implements AutoCloseable {
    private static final String STAND_IN = """
            package %s;

            /** socklab experiment's stand-in: the measured server is chosen by ExperimentTarget. */
            public final class %s {
                public static void serve(java.net.ServerSocket listener) throws Throwable {
                    try {
                        Class.forName("%s").getMethod("serve", java.net.ServerSocket.class).invoke(null, listener);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
            """;

    private final IsolatedServers servers;
    private final RunningServer server;

    private MeasuredServer(IsolatedServers servers, RunningServer server) {
        this.servers = servers;
        this.server = server;
    }

    /**
     * Starts {@code which} for the exercise; {@code classes} are the submission's compiled classes,
     * {@code work} a scratch folder, {@code log} where the server's output goes.
     */
    static MeasuredServer start(Exercise exercise, Server which, Path classes, Duration hold, Path work, Path log) {
        Path standIn = work.resolve("stand-in-" + which.value());
        compileStandIn(exercise, standIn);
        Properties settings = new Properties();
        settings.setProperty("server", which.value());
        settings.setProperty("class", exercise.serverClassName());
        settings.setProperty("classes", classes.toAbsolutePath().toString());
        settings.setProperty("hold.millis", Long.toString(hold.toMillis()));
        try (OutputStream out = Files.newOutputStream(standIn.resolve(ExperimentTarget.PROPERTIES))) {
            settings.store(out, "socklab experiment");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IsolatedServers servers = IsolatedServers.of(List.of(standIn), Optional.of(log));
        try {
            return new MeasuredServer(servers, servers.start(exercise));
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
    }

    InetSocketAddress address() {
        return server.address();
    }

    /** Why the server stopped serving on its own (it threw, it is not implemented, ...), if it did. */
    Optional<Feedback> diagnosis() {
        return server.diagnosis();
    }

    private static void compileStandIn(Exercise exercise, Path folder) {
        String className = exercise.serverClassName();
        int dot = className.lastIndexOf('.');
        String source = STAND_IN.formatted(
                className.substring(0, dot), className.substring(dot + 1), ExperimentTarget.class.getName());
        try {
            Path sources = folder.resolveSibling(folder.getFileName() + "-src");
            Path file = sources.resolve(className.substring(dot + 1) + ".java");
            Files.createDirectories(sources);
            Files.createDirectories(folder);
            Files.writeString(file, source, StandardCharsets.UTF_8);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            if (javac == null) {
                throw new ExperimentFailure(Messages.noCompiler());
            }
            ByteArrayOutputStream said = new ByteArrayOutputStream();
            int status = javac.run(
                    null,
                    said,
                    said,
                    "--release",
                    "17",
                    "-proc:none",
                    "-classpath",
                    "",
                    "-d",
                    folder.toString(),
                    file.toString());
            if (status != 0) {
                throw new IllegalStateException("the experiment's stand-in does not compile: " + said);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (RuntimeException e) {
            // the child is closed below either way
        } finally {
            servers.close();
        }
    }
}
