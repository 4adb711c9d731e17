package org.socklab.cli.grading;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.socklab.cli.report.ReportFolder;

/**
 * The gradings' private temporary folders still in use, so that Ctrl-C (SIGINT) or SIGTERM, which
 * end the JVM through its shutdown hooks, leave none behind: the hook first ends every process this
 * command started (the grading JVMs, their sandboxes and whatever is in them), then deletes the
 * folders. A shutdown hook is process-wide by nature, hence this one process-wide registry.
 *
 * <p>Thread-safe.
 */
final class TemporaryFolders {
    private static final Set<Path> IN_USE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TemporaryFolders::cleanUp, "socklab-cleanup"));
    }

    private TemporaryFolders() {
    }

    static void register(Path folder) {
        IN_USE.add(folder);
    }

    static void unregister(Path folder) {
        IN_USE.remove(folder);
    }

    private static void cleanUp() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        for (Path folder : List.copyOf(IN_USE)) {
            ReportFolder.deleteTree(folder);
        }
    }
}
