package dev.kurashi.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A plain TCP relay in front of a service of this JVM, so that the service can be cut off as a network outage
 * looks to a client: {@link #cut()} resets every open connection and closes the listening port (new connections
 * are refused) until {@link #restore()}; the service behind it keeps its state (queued messages survive).
 */
final class TcpProxy implements AutoCloseable {

    private final String name;
    private final String bindHost;
    private final int port;
    private final int backendPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket server;
    private Thread acceptor;

    TcpProxy(String name, String bindHost, int port, int backendPort) {
        this.name = name;
        this.bindHost = bindHost;
        this.port = port;
        this.backendPort = backendPort;
    }

    /** A port the kernel says is free now, for a service that only this JVM talks to directly. */
    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("localhost", 0));
            return probe.getLocalPort();
        }
    }

    synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(bindHost, port), 128);
        server = socket;
        acceptor = Thread.ofPlatform().daemon().name(name + "-proxy").start(() -> accept(socket));
    }

    synchronized boolean isCut() {
        return server == null;
    }

    /** Refuses new connections and resets the open ones. */
    synchronized void cut() {
        if (server == null) {
            return;
        }
        closeQuietly(server);
        server = null;
        for (Socket socket : open) {
            try {
                socket.setSoLinger(true, 0); // RST, as a failing network does, not a polite FIN
            } catch (SocketException ignored) {
                // already closed
            }
            closeQuietly(socket);
        }
        open.clear();
    }

    synchronized void restore() throws IOException {
        start();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return;
            }
            Thread.ofVirtual().start(() -> relay(client));
        }
    }

    private void relay(Socket client) {
        Socket backend = new Socket();
        try {
            backend.connect(new InetSocketAddress("localhost", backendPort), 2000);
            client.setTcpNoDelay(true);
            backend.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(backend);
            return;
        }
        open.add(client);
        open.add(backend);
        Thread.ofVirtual().start(() -> pump(backend, client));
        pump(client, backend);
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // one side went away: close both
        } finally {
            open.remove(from);
            open.remove(to);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // nothing to do
        }
    }

    @Override
    public synchronized void close() {
        cut();
    }
}
