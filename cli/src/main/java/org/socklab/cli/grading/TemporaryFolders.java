package org.socklab.cli.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.socklab.cli.report.ReportFolder;
import org.socklab.grader.harness.Descendants;

/**
 * The gradings' private temporary folders still in use, so that Ctrl-C (SIGINT) or SIGTERM, which
 * end the JVM through its shutdown hooks, leave none behind: the hook first stops new folders being
 * made ({@link #create}), ends every process this command started (the grading JVMs, their
 * sandboxes and whatever is in them) and waits, at most {@link #CHILDREN_GONE}, until they are gone,
 * then deletes the folders; twice, for a grading thread caught between two steps. A shutdown hook is process-wide by nature, hence this one process-wide registry.
 *
 * <p>Thread-safe.
 */
final class TemporaryFolders {
    /** How long the hook waits for the processes it killed to be gone: they take milliseconds. */
    private static final Duration CHILDREN_GONE = Duration.ofSeconds(5);

    private static final Set<Path> IN_USE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TemporaryFolders::cleanUp, "socklab-cleanup"));
    }

    private TemporaryFolders() {}

    /** Whether the shutdown hook has begun: from then on no folder is created. Guarded by the class. */
    private static boolean closing;

    /**
     * Creates and registers a private temporary folder, atomically with respect to the shutdown
     * hook: once the hook has begun, a grading thread still running (hooks run beside the other
     * threads) gets an exception instead of a folder the hook would never see.
     *
     * @throws IOException if the folder cannot be created, or the command is ending
     */
    static synchronized Path create(String prefix) throws IOException {
        if (closing) {
            throw new IOException("the command is ending");
        }
        Path folder = Files.createTempDirectory(prefix);
        IN_USE.add(folder);
        return folder;
    }

    static void unregister(Path folder) {
        IN_USE.remove(folder);
    }

    private static void cleanUp() {
        synchronized (TemporaryFolders.class) {
            closing = true;
        }
        // twice: a grading thread that was between two steps may have started one more process
        // (a compiler, a grading JVM) after the first look at this command's children
        for (int pass = 0; pass < 2; pass++) {
            Descendants.end(CHILDREN_GONE);
            for (Path folder : List.copyOf(IN_USE)) {
                ReportFolder.deleteTree(folder);
            }
        }
    }
}
