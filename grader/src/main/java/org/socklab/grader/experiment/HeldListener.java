package org.socklab.grader.experiment;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.time.Duration;

/**
 * The listener a measured server is given: the real one, whose accepted connections come back as
 * {@link HeldSocket}s. Everything else is the real listener's (closing, its port, its timeout), so
 * a server in any style sees an ordinary listener.
 *
 * <p>Why the hold is here and not in the load generator: a client that pauses in the middle of its
 * request cannot make a sequential server wait, since its pause passes while the connection waits
 * in the backlog. Held on the server's side of the connection, from the server's first read, each
 * request costs the server a known time, in whichever thread reads it: a sequential server pays
 * the holds of all its clients one after another, a threaded one pays them side by side. That is
 * the course's experiment made deterministic by construction.
 *
 * <p>Thread-safe as {@link ServerSocket} is.
 */
final class HeldListener extends ServerSocket {
    private final ServerSocket listener;
    private final Duration hold;

    HeldListener(ServerSocket listener, Duration hold) throws IOException {
        this.listener = listener;
        this.hold = hold;
    }

    @Override
    public Socket accept() throws IOException {
        return new HeldSocket(listener.accept(), hold);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        super.close();
    }

    @Override
    public boolean isClosed() {
        return listener.isClosed();
    }

    @Override
    public boolean isBound() {
        return listener.isBound();
    }

    @Override
    public void bind(SocketAddress endpoint, int backlog) throws IOException {
        listener.bind(endpoint, backlog);
    }

    @Override
    public int getLocalPort() {
        return listener.getLocalPort();
    }

    @Override
    public InetAddress getInetAddress() {
        return listener.getInetAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return listener.getLocalSocketAddress();
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
        listener.setSoTimeout(timeout);
    }

    @Override
    public synchronized int getSoTimeout() throws IOException {
        return listener.getSoTimeout();
    }

    @Override
    public String toString() {
        return listener.toString();
    }
}
