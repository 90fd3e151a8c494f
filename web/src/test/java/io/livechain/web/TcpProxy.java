package io.livechain.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy between the platform and its database, for tests of database faults without touching the database
 * server: {@link #cut} makes the database unreachable (every connection dropped, new ones closed at once, as when
 * the server stops), {@link #freeze} makes it silent (connections stay open and nothing gets through, as with a hung
 * server or a network that drops packets), {@link #restore} brings it back.
 */
public final class TcpProxy implements AutoCloseable {

    private static final Pattern HOST_AND_PORT = Pattern.compile("^(jdbc:postgresql://)([^/:]+):(\\d+)(/.*)$");

    private enum Mode {
        OPEN,
        CUT,
        FROZEN
    }

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.OPEN;

    private TcpProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 500, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("tcp-proxy").start(this::accept);
    }

    /** A proxy in front of the database of a JDBC URL ({@code jdbc:postgresql://host:port/...}). */
    public static TcpProxy before(String jdbcUrl) throws IOException {
        Matcher url = HOST_AND_PORT.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host:port/... URL: " + jdbcUrl);
        }
        return new TcpProxy(new InetSocketAddress(url.group(2), Integer.parseInt(url.group(3))));
    }

    /** The same JDBC URL, through this proxy. */
    public String jdbcUrl(String jdbcUrl) {
        Matcher url = HOST_AND_PORT.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host:port/... URL: " + jdbcUrl);
        }
        return url.group(1) + "127.0.0.1:" + listener.getLocalPort() + url.group(4);
    }

    /** The database becomes unreachable: open connections are dropped, new ones closed at once. */
    public void cut() {
        mode = Mode.CUT;
        closeAll();
    }

    /** The database falls silent: connections stay open, but no byte gets through in either direction. */
    public void freeze() {
        mode = Mode.FROZEN;
    }

    /** The database is back. Connections that were frozen are dropped, as after a network partition. */
    public void restore() {
        Mode was = mode;
        if (was == Mode.FROZEN) {
            closeAll();
        }
        mode = Mode.OPEN;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        closeAll();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (mode == Mode.CUT) {
                closeQuietly(client);
                continue;
            }
            Thread.ofVirtual().start(() -> connect(client));
        }
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        try {
            server.connect(target, 5_000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        sockets.add(client);
        sockets.add(server);
        Thread.ofVirtual().start(() -> pump(client, server));
        Thread.ofVirtual().start(() -> pump(server, client));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                while (mode == Mode.FROZEN && !to.isClosed()) {
                    Thread.sleep(10);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side is gone: so is the connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private void closeAll() {
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that was asked
        }
    }
}
