package org.socklab.grader.feedback;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Feedback} as one line of Base64, so that a child JVM can send an observation to the
 * grader as a value (its bundle, key and arguments, nested messages included) and the grader
 * renders it in the report's language. Numbers stay numbers, a list of messages stays a list;
 * any other argument travels as its text. Stateless.
 */
public final class FeedbackCodec {
    /** Deep enough for any message the grader builds (a quote inside a transcript inside an observation), with room. */
    private static final int MAX_DEPTH = 12;

    private static final int MAX_TEXT = 1 << 16;

    private FeedbackCodec() {}

    public static String encode(Feedback feedback) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, feedback);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** The message in a line that {@link #encode} wrote; empty if the line is anything else. */
    public static Optional<Feedback> decode(String line) {
        try (DataInputStream in =
                new DataInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(line.strip())))) {
            return Optional.of(read(in, 0));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void write(DataOutputStream out, Feedback feedback) throws IOException {
        text(out, feedback.bundle().name());
        text(out, feedback.key());
        out.writeInt(feedback.arguments().size());
        for (Object argument : feedback.arguments()) {
            if (argument instanceof Feedback nested) {
                out.writeByte('F');
                write(out, nested);
            } else if (argument instanceof List<?> list && list.stream().allMatch(Feedback.class::isInstance)) {
                out.writeByte('V');
                out.writeInt(list.size());
                for (Object item : list) {
                    write(out, (Feedback) item);
                }
            } else if (argument instanceof Integer || argument instanceof Long) {
                out.writeByte('L');
                out.writeLong(((Number) argument).longValue());
            } else {
                out.writeByte('S');
                text(out, String.valueOf(argument));
            }
        }
    }

    private static Feedback read(DataInputStream in, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("nested too deep");
        }
        MessageBundle bundle = MessageBundle.named(text(in));
        String key = text(in);
        int count = in.readInt();
        if (count < 0 || count > 16) {
            throw new IOException("too many arguments");
        }
        List<Object> arguments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            switch (in.readByte()) {
                case 'F' -> arguments.add(read(in, depth + 1));
                case 'V' -> arguments.add(list(in, depth + 1));
                case 'L' -> arguments.add(in.readLong());
                case 'S' -> arguments.add(text(in));
                default -> throw new IOException("unknown argument");
            }
        }
        return new Feedback(bundle, key, arguments);
    }

    private static List<Feedback> list(DataInputStream in, int depth) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > 16) {
            throw new IOException("too many messages");
        }
        List<Feedback> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(read(in, depth));
        }
        return List.copyOf(list);
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_TEXT) {
            throw new IOException("text too long");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
