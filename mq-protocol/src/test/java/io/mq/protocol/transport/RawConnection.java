package io.mq.protocol.transport;

import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RemotingCommandCodec;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A plain blocking socket for tests that must control the exact bytes on the wire. */
final class RawConnection implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;

    RawConnection(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5000);
            in = new DataInputStream(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RawConnection send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RawConnection send(RemotingCommand cmd) {
        return send(RemotingCommandCodec.encode(cmd));
    }

    /** The next frame, whole; fails after 5 s without one. */
    byte[] readFrameBytes() {
        try {
            int length = in.readInt();
            var frame = new byte[4 + length];
            frame[0] = (byte) (length >>> 24);
            frame[1] = (byte) (length >>> 16);
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
            in.readFully(frame, 4, length);
            return frame;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RemotingCommand readCommand() {
        return RemotingCommandCodec.decode(readFrameBytes());
    }

    /** True when the server closed the connection within 5 s (end of stream or reset), false on a timeout. */
    boolean closedByPeer() {
        try {
            while (in.read() != -1) {
                // drain whatever was sent before the close
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // connection reset
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
