package app.rounds.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket client that shakes hands and then reads nothing, with a tiny receive buffer: a phone on a network
 * that has stopped moving. Plain TCP, so that no client library's own buffering hides the stall. When told to, it
 * reads what is left and reports the close code the server sent.
 */
public final class StalledSocket implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;

    public StalledSocket(URI base, String path, String origin) throws IOException {
        socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        String request = "GET " + base.resolve(path).getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Origin: " + origin + "\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        in = new DataInputStream(socket.getInputStream());
        String status = readLine(in);
        if (!status.contains(" 101 ")) {
            throw new IOException("handshake refused: " + status);
        }
        while (!readLine(in).isEmpty()) {
            // headers
        }
    }

    /** Reads frames until the server's close frame, and returns its code; fails after {@code timeoutMillis}. */
    public int closeCode(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        try {
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0F;
                long length = in.readUnsignedByte() & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                if (opcode == 0x8) {
                    return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no close frame within " + timeoutMillis + " ms");
        } catch (EOFException e) {
            throw new AssertionError("the connection ended without a close frame");
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
