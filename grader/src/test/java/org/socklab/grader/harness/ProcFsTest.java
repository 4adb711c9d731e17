package org.socklab.grader.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFsTest {
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path folder;

    @Test
    void should_tell_a_unix_socket_of_the_process_from_its_tcp_listener() throws IOException {
        assumeTrue(ProcFs.available(), "Linux's /proc");
        Set<Long> before = ProcFs.socketInodes(PID);
        try (ServerSocketChannel unix = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                ServerSocket tcp = new ServerSocket(0)) {
            unix.bind(UnixDomainSocketAddress.of(folder.resolve("socket")));
            Set<Long> opened = new HashSet<>(ProcFs.socketInodes(PID));
            opened.removeAll(before);
            Set<Long> unixInodes = ProcFs.unixSockets(PID);
            Set<Long> listeners = new HashSet<>();
            for (String table : ProcFs.TCP_TABLES) {
                ProcFs.tcpSockets(PID, table).forEach((inode, socket) -> {
                    if (socket.equals(new ProcFs.TcpSocket(true, tcp.getLocalPort()))) {
                        listeners.add(inode);
                    }
                });
            }

            assertThat(opened).as("the Unix socket, in the Unix table").anyMatch(unixInodes::contains);
            assertThat(listeners)
                    .as("the listener, in a TCP table and not in the Unix one")
                    .singleElement()
                    .satisfies(inode -> assertThat(opened).contains(inode))
                    .satisfies(inode -> assertThat(unixInodes).doesNotContain(inode));
        }
    }
}
