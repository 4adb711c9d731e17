package org.socklab.grader.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class ReceiveQueueTest {
    /** A server on port 0x1F90 (8080) and its client on 0xC350 (50000), both sides, then a listener. */
    private static final String TABLE = String.join(
            "\n",
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 0100007F:C350 0100007F:1F90 01 00000000:00000007 00:00000000 00000000     0        0 11 1 0",
            "   1: 0100007F:1F90 0100007F:C350 01 00000000:00000113 00:00000000 00000000     0        0 12 1 0",
            "   2: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 13 1 0",
            "");

    @Test
    void should_read_the_unread_bytes_of_the_servers_side_of_the_connection() {
        assertThat(ReceiveQueue.unread(TABLE, ReceiveQueue.portField(0x1F90), ReceiveQueue.portField(0xC350)))
                .isEqualTo(OptionalLong.of(0x113));
    }

    @Test
    void should_not_take_another_connection_of_the_server_for_this_one() {
        assertThat(ReceiveQueue.unread(TABLE, ReceiveQueue.portField(0x1F90), ReceiveQueue.portField(0xC351)))
                .isEmpty();
    }

    @Test
    void should_write_a_port_as_it_ends_an_address() {
        assertThat(ReceiveQueue.portField(80)).isEqualTo(":0050 ");
        assertThat(ReceiveQueue.portField(65535)).isEqualTo(":FFFF ");
    }

    @Test
    void should_see_what_a_server_has_not_read_yet_and_when_it_has() throws IOException {
        assumeTrue(ProcFs.available(), "Linux's /proc");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                Socket server = listener.accept()) {
            client.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            // the loopback may deliver the bytes a moment after the write returns
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            OptionalLong unread = ReceiveQueue.unread(listener.getLocalPort(), client.getLocalPort());
            while (!unread.equals(OptionalLong.of(5)) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
                unread = ReceiveQueue.unread(listener.getLocalPort(), client.getLocalPort());
            }
            assertThat(unread).isEqualTo(OptionalLong.of(5));
            server.getInputStream().readNBytes(5);
            assertThat(ReceiveQueue.awaitDrained(
                            listener.getLocalPort(), client.getLocalPort(), Duration.ofSeconds(10)))
                    .isTrue();
        }
    }
}
