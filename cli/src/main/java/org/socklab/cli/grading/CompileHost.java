package org.socklab.cli.grading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The main class of a warm compiler ({@link CompilerService}): a JVM in the sandbox that compiles
 * one submission after another. For each line {@value #REQUEST} on its standard input it compiles
 * every {@code .java} regular file under its working folder (the sources of one submission, put
 * there by the service; no link followed), with the options it was started with, writes what
 * javac said to its log (truncated first), and answers one line on its standard output:
 * {@link Reply#SUCCEEDED} or {@link Reply#FAILED}.
 *
 * <p>javac runs no code of a submission ({@code -proc:none}) and writes its messages to the log
 * only, so no source can put a line on the standard output. It uses the JDK alone: the sandbox binds
 * this class's own jar or folder, nothing else of the grader.
 *
 * <p>Not thread-safe: one request at a time, from its one reader.
 */
public final class CompileHost {
    /** The line that asks for a compilation. */
    static final String REQUEST = "compile";

    /** What a compilation answers. */
    enum Reply {
        SUCCEEDED,
        FAILED,
        /** not a line of the host's: its standard output ended (it was killed, or failed to start) */
        ENDED
    }

    private CompileHost() {}

    /** Arguments: the log file, then javac's options (the classes folder among them). */
    public static void main(String[] args) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path log = Path.of(args[0]);
        List<String> options = Arrays.asList(args).subList(1, args.length);
        PrintStream replies = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        for (String request = requests.readLine();
                REQUEST.equals(request) && javac != null;
                request = requests.readLine()) {
            List<String> arguments = new ArrayList<>(options);
            try (Stream<Path> walk = Files.walk(Path.of(""))) {
                walk.filter(file -> file.toString().endsWith(".java")
                                && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                        .sorted()
                        .forEach(file -> arguments.add(file.toString()));
            }
            int status;
            try (OutputStream said = Files.newOutputStream(log)) {
                status = javac.run(null, said, said, arguments.toArray(String[]::new));
            }
            replies.println(status == 0 ? Reply.SUCCEEDED : Reply.FAILED);
            replies.flush();
        }
    }
}
