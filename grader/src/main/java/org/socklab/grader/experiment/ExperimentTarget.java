package org.socklab.grader.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The server an experiment measures, as seen from the child JVM. {@code socklab experiment} puts a
 * stand-in for the exercise's server class first on the child's class path; the stand-in's
 * {@code serve} calls {@link #serve(ServerSocket)}, which reads {@value #PROPERTIES} (also on the
 * class path) and calls the real {@code serve} with a {@link HeldListener} around the listener:
 * <ul>
 *   <li>{@code server=submission}: the submission's class {@code class}, loaded from
 *       {@code classes} in a class loader of its own (the submission uses the JDK alone);</li>
 *   <li>{@code server=sequential-baseline}: {@link StallBlocksEveryoneServer};</li>
 *   <li>{@code hold.millis}: how long each request is held before it reaches the server.</li>
 * </ul>
 *
 * <p>Stateless; one call per listener.
 */
public final class ExperimentTarget {
    /** The file, at the root of the class path, that says what to serve. */
    public static final String PROPERTIES = "socklab-experiment.properties";

    private ExperimentTarget() {}

    /** Serves the configured server on {@code listener}, held; returns when it returns. */
    public static void serve(ServerSocket listener) throws Throwable {
        Properties settings = settings();
        Duration hold = Duration.ofMillis(Long.parseLong(settings.getProperty("hold.millis", "0")));
        Method serve = serveMethod(settings);
        try {
            serve.invoke(null, new HeldListener(listener, hold));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Method serveMethod(Properties settings) throws ReflectiveOperationException {
        if ("sequential-baseline".equals(settings.getProperty("server"))) {
            return StallBlocksEveryoneServer.class.getMethod("serve", ServerSocket.class);
        }
        URL classes;
        try {
            classes = Path.of(settings.getProperty("classes")).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        ClassLoader submission =
                new URLClassLoader("socklab-experiment", new URL[] {classes}, ClassLoader.getPlatformClassLoader());
        Method serve =
                Class.forName(settings.getProperty("class"), true, submission).getMethod("serve", ServerSocket.class);
        serve.setAccessible(true);
        return serve;
    }

    private static Properties settings() {
        Properties settings = new Properties();
        try (InputStream in = ClassLoader.getSystemResourceAsStream(PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException(PROPERTIES + " is not on the class path");
            }
            settings.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }
}
