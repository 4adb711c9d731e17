package org.socklab.grader.experiment;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.time.Duration;

/**
 * An accepted connection whose request reaches the server {@code hold} after the server first
 * reads it, like a request from a client on a slow network (see {@link HeldListener} for why).
 * Everything else is the real connection's.
 *
 * <p>Thread-safe as {@link Socket} is; the hold is paid once, by the first read.
 */
final class HeldSocket extends Socket {
    private final Socket socket;
    private final Duration hold;
    private InputStream in;

    HeldSocket(Socket socket, Duration hold) {
        this.socket = socket;
        this.hold = hold;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            in = new HeldInput(socket.getInputStream(), hold);
        }
        return in;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return socket.getOutputStream();
    }

    @Override
    public synchronized void close() throws IOException {
        socket.close();
        super.close();
    }

    @Override
    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected();
    }

    @Override
    public boolean isBound() {
        return socket.isBound();
    }

    @Override
    public void shutdownInput() throws IOException {
        socket.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public boolean isInputShutdown() {
        return socket.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return socket.isOutputShutdown();
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
        socket.setSoTimeout(timeout);
    }

    @Override
    public synchronized int getSoTimeout() throws SocketException {
        return socket.getSoTimeout();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        socket.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return socket.getTcpNoDelay();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        socket.setKeepAlive(on);
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        socket.setSoLinger(on, linger);
    }

    @Override
    public InetAddress getInetAddress() {
        return socket.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getPort() {
        return socket.getPort();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return socket.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return socket.getLocalSocketAddress();
    }

    @Override
    public String toString() {
        return socket.toString();
    }

    /** The connection's input, which waits {@code hold} before its first read. */
    private static final class HeldInput extends FilterInputStream {
        private Duration hold;

        HeldInput(InputStream in, Duration hold) {
            super(in);
            this.hold = hold;
        }

        @Override
        public int read() throws IOException {
            arrive();
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            arrive();
            return in.read(buffer, offset, length);
        }

        @Override
        public int available() throws IOException {
            return hold.isZero() ? super.available() : 0;
        }

        private synchronized void arrive() throws IOException {
            if (hold.isZero()) {
                return;
            }
            try {
                Thread.sleep(hold.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the request was held");
            }
            hold = Duration.ZERO;
        }
    }
}
