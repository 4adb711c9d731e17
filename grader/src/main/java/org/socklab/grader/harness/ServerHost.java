package org.socklab.grader.harness;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The main class of a child JVM that hosts one exercise's servers for the grader (see
 * {@link ChildJvm}). It uses the JDK only, and loads no student class before it has reported its
 * first listener's port.
 *
 * <p>Protocol, one UTF-8 line per message. The grader writes to the child's standard input:
 * <ul>
 *   <li>{@code serve <id> [<type>:<value>]...}: bind a listener on 127.0.0.1, port 0, and call the
 *       server class's {@code serve(listener, values...)} on a new thread;</li>
 *   <li>{@code stop <id>}: close that listener.</li>
 * </ul>
 * The child answers on its standard output, each line starting with {@value #PREFIX}:
 * {@code ready}, {@code listening <id> <port>}, and {@code ended <id> <outcome> [<base64>...]} when
 * a {@code serve} call ends (outcomes: {@code returned}, {@code threw}, {@code not-implemented},
 * {@code class-missing}, {@code no-serve}, {@code cannot-start}). The student's own
 * {@code System.out} is redirected to standard error, and standard input is hidden from it.
 *
 * <p>None of this is trusted for the score: the grader scores what its clients observe over TCP;
 * these messages only choose the words of a failure's feedback.
 */
public final class ServerHost {
    /** What starts every protocol line of the child. */
    static final String PREFIX = "@socklab ";

    private static final int BACKLOG = 200;

    private final String serverClass;
    private final PrintStream control;
    private final Map<String, ServerSocket> listeners = new ConcurrentHashMap<>();

    private ServerHost(String serverClass, PrintStream control) {
        this.serverClass = serverClass;
        this.control = control;
    }

    public static void main(String[] args) throws IOException {
        PrintStream control = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        BufferedReader commands = new BufferedReader(new InputStreamReader(new FileInputStream(FileDescriptor.in),
                StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(new byte[0]));
        ServerHost host = new ServerHost(args[0], control);
        host.say("ready");
        String line;
        while ((line = commands.readLine()) != null) {
            String[] words = line.split(" ");
            if (words.length >= 2 && words[0].equals("serve")) {
                host.serve(words);
            } else if (words.length == 2 && words[0].equals("stop")) {
                host.stop(words[1]);
            }
        }
        // The grader closed our standard input: it is gone, and so are we.
        Runtime.getRuntime().halt(0);
    }

    private void serve(String[] words) throws IOException {
        String id = words[1];
        Class<?>[] types = new Class<?>[words.length - 1];
        Object[] values = new Object[words.length - 1];
        types[0] = ServerSocket.class;
        for (int i = 2; i < words.length; i++) {
            String[] typed = words[i].split(":", 2);
            switch (typed[0]) {
                case "int" -> { types[i - 1] = int.class; values[i - 1] = Integer.parseInt(typed[1]); }
                case "long" -> { types[i - 1] = long.class; values[i - 1] = Long.parseLong(typed[1]); }
                case "boolean" -> { types[i - 1] = boolean.class; values[i - 1] = Boolean.parseBoolean(typed[1]); }
                default -> { types[i - 1] = String.class; values[i - 1] = decode(typed[1]); }
            }
        }
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        values[0] = listener;
        listeners.put(id, listener);
        say("listening " + id + " " + listener.getLocalPort());
        Thread thread = new Thread(() -> run(id, listener, types, values), "socklab-serve-" + id);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(String id, ServerSocket listener, Class<?>[] types, Object[] values) {
        String outcome;
        try {
            Class<?> server = Class.forName(serverClass, true, ServerHost.class.getClassLoader());
            Method serve = server.getMethod("serve", types);
            if (!Modifier.isStatic(serve.getModifiers())) {
                outcome = "no-serve";
            } else {
                serve.setAccessible(true);
                serve.invoke(null, values);
                outcome = "returned";
            }
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            outcome = "class-missing";
        } catch (NoSuchMethodException e) {
            outcome = "no-serve";
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            outcome = cause instanceof UnsupportedOperationException ? "not-implemented"
                    : "threw " + encode(cause.getClass().getName()) + " " + encode(String.valueOf(cause.getMessage()));
        } catch (Throwable e) {
            outcome = "cannot-start " + encode(e.getClass().getName()) + " " + encode(String.valueOf(e.getMessage()));
        }
        // Said before the listener closes, so that the grader knows why before its clients see it.
        say("ended " + id + " " + outcome);
        stop(id);
    }

    private void stop(String id) {
        ServerSocket listener = listeners.remove(id);
        if (listener != null) {
            try {
                listener.close();
            } catch (IOException ignored) {
                // closed either way
            }
        }
    }

    private void say(String message) {
        control.println(PREFIX + message);
    }

    static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String text) {
        return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }
}
