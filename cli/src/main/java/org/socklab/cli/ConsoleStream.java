package org.socklab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;

/**
 * The command's standard output or error in the console's own charset. The command prints UTF-8
 * into it; it writes the console's charset (a Windows console's cp850 or cp1252, {@code LANG=C}'s
 * ASCII), and a character the console cannot show becomes its plain letters ({@code ã} → {@code
 * a}, by Unicode decomposition) rather than {@code ?}, so the score table is readable in any
 * console and never mojibake.
 *
 * <p>The console's charset is the one the JDK itself chose for that stream: {@code stdout.encoding}
 * (JDK 18 and later), else {@code sun.stdout.encoding} (JDK 17 on a console), else the default
 * charset (what JDK 17's {@code System.out} uses when redirected).
 *
 * <p>Not thread-safe, like the stream it serves: one command prints from one thread.
 */
final class ConsoleStream extends OutputStream {
    private final OutputStream out;
    private final CharsetEncoder console;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    /** Bytes of a character split across two writes. */
    private ByteBuffer pending = ByteBuffer.allocate(0);

    private ConsoleStream(OutputStream out, Charset console) {
        this.out = out;
        this.console = console.newEncoder();
    }

    /**
     * A UTF-8 print stream onto {@code raw} that writes the charset of the JDK's {@code stream}
     * ({@code stdout} or {@code stderr}).
     */
    static PrintStream of(OutputStream raw, String stream) {
        return in(raw, charset(stream));
    }

    /** A UTF-8 print stream onto {@code raw} that writes {@code charset}. */
    static PrintStream in(OutputStream raw, Charset charset) {
        OutputStream target = StandardCharsets.UTF_8.equals(charset) ? raw : new ConsoleStream(raw, charset);
        return new PrintStream(target, true, StandardCharsets.UTF_8);
    }

    /** The charset the JDK chose for {@code stdout} or {@code stderr}. */
    static Charset charset(String stream) {
        for (String property : List.of(stream + ".encoding", "sun." + stream + ".encoding")) {
            String name = System.getProperty(property, "");
            if (!name.isBlank() && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return Charset.defaultCharset();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(pending.remaining() + length);
        in.put(pending).put(bytes, offset, length).flip();
        CharBuffer chars = CharBuffer.allocate(in.remaining());
        utf8.decode(in, chars, false);
        pending = in.slice();
        out.write(encoded(chars.flip()));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    private byte[] encoded(CharSequence chars) {
        StringBuilder text = new StringBuilder(chars.length());
        chars.codePoints().forEach(codePoint -> text.append(shown(Character.toString(codePoint))));
        ByteBuffer bytes = console.charset().encode(text.toString());
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);
        return array;
    }

    /** The character itself if the console can show it, else its plain letters, else {@code ?}. */
    private String shown(String character) {
        if (console.canEncode(character)) {
            return character;
        }
        String plain = Normalizer.normalize(character, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return !plain.isEmpty() && console.canEncode(plain) ? plain : "?";
    }
}
