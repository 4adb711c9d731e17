package org.socklab.grader.child;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Lines from a stream the grader does not trust: each one cut at the cap, whatever its length. */
class BoundedLineReaderTest {

    @Test
    void should_read_lines_and_a_last_line_without_its_end() throws IOException {
        BoundedLineReader lines = reader("one\ntwo\nthree", 100);

        assertThat(lines.next()).isEqualTo("one");
        assertThat(lines.next()).isEqualTo("two");
        assertThat(lines.next()).isEqualTo("three");
        assertThat(lines.next()).isNull();
    }

    @Test
    void should_cut_a_long_line_at_the_cap_and_go_on_with_the_next() throws IOException {
        BoundedLineReader lines = reader("x".repeat(50_000) + "\nnext\n", 10);

        assertThat(lines.next()).isEqualTo("xxxxxxxxxx");
        assertThat(lines.wasCut()).isTrue();
        assertThat(lines.next()).isEqualTo("next");
        assertThat(lines.wasCut()).isFalse();
    }

    @Test
    void should_read_an_endless_line_without_keeping_it() throws IOException {
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return served[0]++ < 64L << 20 ? 'x' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (served[0] >= 64L << 20) {
                    return -1;
                }
                java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
                served[0] += length;
                return length;
            }
        };

        BoundedLineReader lines = new BoundedLineReader(endless, 1024);

        assertThat(lines.next()).hasSize(1024);
        assertThat(lines.wasCut()).isTrue();
        assertThat(lines.next()).isNull();
    }

    private static BoundedLineReader reader(String text, int cap) {
        return new BoundedLineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), cap);
    }
}
