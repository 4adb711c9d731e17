package org.socklab.cli.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.socklab.cli.report.ReportFolder;
import org.socklab.grader.harness.Containment;

/**
 * The compilers of a {@code grade-all} run: in the sandbox, a warm {@link CompilerService} for each
 * worker thread, started on its first compilation, so that no submission waits for another's
 * (a source that keeps javac busy to its deadline delays its own grading only); without the
 * sandbox, javac in this JVM, warm already.
 *
 * <p>Thread-safe.
 */
final class CompilerServices implements Compilation.Javac, AutoCloseable {
    private final Containment containment;
    private final Path folder;
    private final List<CompilerService> services = new CopyOnWriteArrayList<>();
    private final ThreadLocal<CompilerService> own;

    private CompilerServices(Containment containment, Path folder) {
        this.containment = containment;
        this.folder = folder;
        AtomicInteger numbers = new AtomicInteger();
        this.own = ThreadLocal.withInitial(() -> {
            CompilerService service = CompilerService.in(folder.resolve("javac-" + numbers.incrementAndGet()));
            services.add(service);
            return service;
        });
    }

    /** The compilers of one run, their folders in a private temporary folder. */
    static CompilerServices start(Containment containment) {
        try {
            return new CompilerServices(containment, TemporaryFolders.create("socklab-javac-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String compile(Path sources, List<Path> files, Path classes) {
        return containment.sandboxed()
                ? own.get().compile(sources, files, classes)
                : Compilation.here(sources, files, classes);
    }

    /** How many compiler processes were started in all, for tests. */
    int starts() {
        return services.stream().mapToInt(CompilerService::starts).sum();
    }

    /** Ends every compiler, with its sandbox, and removes their folders. */
    @Override
    public void close() {
        services.forEach(CompilerService::close);
        ReportFolder.deleteTree(folder);
        TemporaryFolders.unregister(folder);
    }
}
