package org.socklab.grader.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;
import org.socklab.grader.bytecode.ClassFile;
import org.socklab.grader.bytecode.ClassFile.Member;
import org.socklab.grader.bytecode.ClassFile.Method;

/**
 * What the submission's classes do with blocking queues, read from their bytecode ({@link ClassFile}): the
 * calls (and method references) that hand an element over to a {@link BlockingQueue}
 * ({@code put}, {@code offer}, {@code add}, {@code transfer}, and their deque forms) and those that
 * take one out ({@code take}, {@code poll}, {@code drainTo}). A call's owner is a blocking queue
 * when it is one of the JDK's (looked up without being initialized) or a class of the submission
 * that extends or implements one (followed through its class files, never loaded).
 *
 * <p>Structure is judged from the code rather than from the threads, because which thread runs
 * which call cannot be seen over TCP; the threads are judged separately by {@link QueueWaiters}.
 *
 * @param handOver the hand-over calls found, as {@code Class.method -> Queue.call}, sorted
 * @param takeOut the take-out calls found, in the same form
 */
record QueueStructure(Set<String> handOver, Set<String> takeOut) {

    /** Reads every class in the package of {@code serverClass} (and below), from where that class was loaded. */
    static QueueStructure of(Class<?> serverClass) {
        Map<String, Optional<ClassFile>> classes = new HashMap<>();
        for (Path classFile : classFiles(serverClass)) {
            try {
                ClassFile read = ClassFile.parse(Files.readAllBytes(classFile));
                classes.put(read.name(), Optional.of(read));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + classFile, e);
            }
        }
        List<ClassFile> own =
                classes.values().stream().flatMap(Optional::stream).toList();
        Hierarchy hierarchy = new Hierarchy(classes, serverClass.getClassLoader());
        Set<String> handOver = new TreeSet<>();
        Set<String> takeOut = new TreeSet<>();
        for (ClassFile file : own) {
            for (Method method : file.methods().values()) {
                for (Member call : method.calls()) {
                    if (!hierarchy.isBlockingQueue(call.owner())) {
                        continue;
                    }
                    String shown = simpleName(file.name()) + "." + method.name() + " -> " + simpleName(call.owner())
                            + "." + call.name();
                    if (isHandOver(call.name())) {
                        handOver.add(shown);
                    } else if (isTakeOut(call.name())) {
                        takeOut.add(shown);
                    }
                }
            }
        }
        return new QueueStructure(handOver, takeOut);
    }

    /** Every queue call found, for messages. */
    String found() {
        Set<String> all = new TreeSet<>(handOver);
        all.addAll(takeOut);
        return all.isEmpty() ? "-" : String.join(", ", all);
    }

    private static boolean isHandOver(String method) {
        return method.startsWith("put")
                || method.startsWith("offer")
                || method.startsWith("add")
                || method.equals("transfer")
                || method.equals("tryTransfer");
    }

    private static boolean isTakeOut(String method) {
        return method.startsWith("take") || method.startsWith("poll") || method.equals("drainTo");
    }

    /** Whether a class named in bytecode is a {@link BlockingQueue}; no class of the submission is loaded. */
    private record Hierarchy(Map<String, Optional<ClassFile>> classes, ClassLoader submission) {
        boolean isBlockingQueue(String internalName) {
            return isBlockingQueue(internalName, 0);
        }

        private boolean isBlockingQueue(String internalName, int depth) {
            if (internalName == null || depth > 64) {
                return false;
            }
            Optional<Class<?>> jdk = jdkClass(internalName);
            if (jdk.isPresent()) {
                return BlockingQueue.class.isAssignableFrom(jdk.get());
            }
            Optional<ClassFile> file = classes.computeIfAbsent(internalName, this::ownClass);
            if (file.isEmpty()) {
                return false;
            }
            if (isBlockingQueue(file.get().superName(), depth + 1)) {
                return true;
            }
            return file.get().interfaces().stream().anyMatch(name -> isBlockingQueue(name, depth + 1));
        }

        /** A class of the submission outside the folder read, from its class file as the loader sees it. */
        private Optional<ClassFile> ownClass(String internalName) {
            try {
                return submission == null ? Optional.empty() : ClassFile.read(submission, internalName);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        private static Optional<Class<?>> jdkClass(String internalName) {
            try {
                return Optional.of(
                        Class.forName(internalName.replace('/', '.'), false, ClassLoader.getPlatformClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.empty();
            }
        }
    }

    /** {@code lab/queue/QueueServer$Handler} is shown as {@code Handler}, as in the source. */
    private static String simpleName(String internalName) {
        String name = internalName.substring(internalName.lastIndexOf('/') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }

    /** The class files in the folder of {@code serverClass} and below it. */
    private static List<Path> classFiles(Class<?> serverClass) {
        URL classFile = serverClass.getResource(serverClass.getSimpleName() + ".class");
        if (classFile == null || !"file".equals(classFile.getProtocol())) {
            throw new IllegalStateException("cannot find the class file of " + serverClass.getName());
        }
        try (Stream<Path> files = Files.walk(Path.of(classFile.toURI()).getParent())) {
            return files.filter(path -> path.toString().endsWith(".class"))
                    .filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the classes beside " + classFile, e);
        }
    }
}
