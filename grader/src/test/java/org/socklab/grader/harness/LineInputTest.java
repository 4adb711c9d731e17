package org.socklab.grader.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a line client reads after a chunk's first byte comes from the buffer alone, a line at a time. */
class LineInputTest {
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void should_hand_over_the_buffered_bytes_up_to_the_newline_and_consume_the_newline() throws IOException {
        LineInput in = input("hello\nworld\n");
        ByteArrayOutputStream line = new ByteArrayOutputStream();

        assertThat(in.read()).isEqualTo('h');
        boolean ended = in.appendBufferedLine(line);

        assertThat(ended).isTrue();
        assertThat(line.toString(StandardCharsets.US_ASCII)).isEqualTo("ello");
        assertThat(in.read()).isEqualTo('w');
    }

    @Test
    void should_empty_the_buffer_without_reading_the_stream_when_no_newline_is_buffered() throws IOException {
        LineInput in = input("a line without its end");
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        in.read();
        int readsSoFar = reads.get();

        boolean ended = in.appendBufferedLine(line);

        assertThat(ended).isFalse();
        assertThat(line.toString(StandardCharsets.US_ASCII)).isEqualTo(" line without its end");
        assertThat(reads).hasValue(readsSoFar);
        assertThat(in.appendBufferedLine(line)).isFalse();
        assertThat(reads).hasValue(readsSoFar);
    }

    @Test
    void should_hand_over_nothing_but_the_newline_of_an_empty_line() throws IOException {
        LineInput in = input("x\n\n");
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        in.read();
        in.appendBufferedLine(line);
        line.reset();

        assertThat(in.appendBufferedLine(line)).isTrue();
        assertThat(line.size()).isZero();
        assertThat(in.read()).isEqualTo(-1);
    }

    /** A stream of {@code text} that counts the reads the buffer makes of it. */
    private LineInput input(String text) {
        return new LineInput(
                new FilterInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII))) {
                    @Override
                    public int read(byte[] bytes, int offset, int length) throws IOException {
                        reads.incrementAndGet();
                        return super.read(bytes, offset, length);
                    }
                },
                64);
    }
}
