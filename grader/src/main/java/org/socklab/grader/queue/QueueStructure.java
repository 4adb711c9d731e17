package org.socklab.grader.queue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;

/**
 * What the submission's classes do with blocking queues, read from their bytecode with ArchUnit:
 * the calls (and method references) that hand an element over to a {@link BlockingQueue}
 * ({@code put}, {@code offer}, {@code add}, {@code transfer}, and their deque forms) and those that
 * take one out ({@code take}, {@code poll}, {@code drainTo}).
 *
 * <p>Structure is judged from the code rather than from the threads, because which thread runs
 * which call cannot be seen over TCP; the threads are judged separately by {@link QueueWaiters}.
 *
 * @param handOver the hand-over calls found, as {@code Class.method -> Queue.call}, sorted
 * @param takeOut the take-out calls found, in the same form
 */
record QueueStructure(Set<String> handOver, Set<String> takeOut) {

    /** Reads every class in the package of {@code serverClass}, from where that class was loaded. */
    static QueueStructure of(Class<?> serverClass) {
        JavaClasses classes = new ClassFileImporter().importUrl(packageLocation(serverClass));
        Set<String> handOver = new TreeSet<>();
        Set<String> takeOut = new TreeSet<>();
        for (JavaClass javaClass : classes) {
            for (JavaCodeUnitAccess<?> access : javaClass.getCodeUnitAccessesFromSelf()) {
                if (!access.getTargetOwner().isAssignableTo(BlockingQueue.class)) {
                    continue;
                }
                String name = access.getName();
                String shown = access.getOrigin().getOwner().getSimpleName() + "."
                        + access.getOrigin().getName() + " -> "
                        + access.getTargetOwner().getSimpleName() + "." + name;
                if (isHandOver(name)) {
                    handOver.add(shown);
                } else if (isTakeOut(name)) {
                    takeOut.add(shown);
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

    /** The folder (or jar folder) holding the class file, as a URL ArchUnit can import. */
    private static URL packageLocation(Class<?> serverClass) {
        URL classFile = serverClass.getResource(serverClass.getSimpleName() + ".class");
        if (classFile == null) {
            throw new IllegalStateException("cannot find the class file of " + serverClass.getName());
        }
        String text = classFile.toString();
        try {
            return new URL(text.substring(0, text.lastIndexOf('/') + 1));
        } catch (MalformedURLException e) {
            throw new IllegalStateException("cannot read the classes beside " + text, e);
        }
    }
}
