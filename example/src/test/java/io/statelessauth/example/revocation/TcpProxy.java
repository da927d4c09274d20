package io.statelessauth.example.revocation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a loopback port that forwards to one address, and can {@link #blackHole()} its
 * connections as a broken network does: it stops forwarding in both directions and closes
 * nothing, so that neither side learns anything. {@link #forward()} delivers what was held back
 * and forwards again. Connections made meanwhile are accepted and held the same way.
 */
final class TcpProxy implements AutoCloseable {

  private final InetSocketAddress target;
  private final ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Object gate = new Object();
  private boolean blackHoled;
  private volatile boolean closed;

  /** Starts forwarding from a free loopback port to {@code host:port}. */
  TcpProxy(String host, int port) throws IOException {
    this.target = new InetSocketAddress(host, port);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "tcp-proxy-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The port it listens on. */
  int port() {
    return server.getLocalPort();
  }

  /** Stops forwarding, closing nothing. */
  void blackHole() {
    synchronized (gate) {
      blackHoled = true;
    }
  }

  /** Forwards again, starting with what was held back. */
  void forward() {
    synchronized (gate) {
      blackHoled = false;
      gate.notifyAll();
    }
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        Thread connecting = new Thread(() -> connect(client), "tcp-proxy-connect");
        connecting.setDaemon(true);
        connecting.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void connect(Socket client) {
    try {
      awaitForwarding();
      Socket upstream = new Socket(target.getAddress(), target.getPort());
      sockets.add(upstream);
      pump(client, upstream);
      pump(upstream, client);
    } catch (IOException | InterruptedException e) {
      closeQuietly(client);
    }
  }

  private void pump(Socket from, Socket to) {
    Thread pump = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int read; (read = in.read(buffer)) >= 0; ) {
          awaitForwarding();
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // one side closed
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "tcp-proxy-pump");
    pump.setDaemon(true);
    pump.start();
  }

  private void awaitForwarding() throws InterruptedException {
    synchronized (gate) {
      while (blackHoled && !closed) {
        gate.wait();
      }
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closed either way
    }
  }

  /** Closes the port and every connection. */
  @Override
  public void close() throws IOException {
    closed = true;
    forward();
    server.close();
    sockets.forEach(TcpProxy::closeQuietly);
  }
}
