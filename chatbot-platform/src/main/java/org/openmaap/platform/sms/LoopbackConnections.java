package org.openmaap.platform.sms;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * The embedded SMSC's listening socket on 127.0.0.1 only, keeping each accepted socket so that a
 * test can cut a session's output the way a failing SMSC would.
 */
final class LoopbackConnections implements ServerConnectionFactory {
  private final Map<Integer, Socket> byRemotePort = new ConcurrentHashMap<>();
  private volatile ServerSocket serverSocket;

  @Override
  public ServerConnection listen(int port) throws IOException {
    return listen(port, 0, 50);
  }

  @Override
  public ServerConnection listen(int port, int timeout) throws IOException {
    return listen(port, timeout, 50);
  }

  @Override
  public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
    socket.setSoTimeout(timeout);
    serverSocket = socket;
    return new ServerConnection() {
      @Override
      public Connection accept() throws IOException {
        Socket accepted = socket.accept();
        accepted.setTcpNoDelay(true);
        byRemotePort.put(accepted.getPort(), accepted);
        return new Graceful(accepted);
      }

      @Override
      public void setSoTimeout(int timeout) throws IOException {
        socket.setSoTimeout(timeout);
      }

      @Override
      public int getSoTimeout() throws IOException {
        return socket.getSoTimeout();
      }

      @Override
      public void close() throws IOException {
        socket.close();
      }
    };
  }

  /** The port actually listened on, which differs from the one asked for when that was 0. */
  int localPort() {
    return serverSocket.getLocalPort();
  }

  /**
   * Ends the output of the connection from {@code remotePort}: what was already written still
   * arrives, then the peer reads end of stream, and every later write fails. Unlike a plain close
   * this never turns into a reset that could swallow responses already sent.
   */
  void cutOutput(int remotePort) {
    Socket socket = byRemotePort.get(remotePort);
    if (socket != null) {
      try {
        socket.shutdownOutput();
      } catch (IOException e) {
        // Already closed: nothing left to cut.
      }
    }
  }

  void forget(int remotePort) {
    byRemotePort.remove(remotePort);
  }

  /**
   * A connection that closes without a reset. Closing a socket with unread input makes the kernel
   * answer with RST, and an ESME that gets a reset may lose the responses it was still to read; it
   * would then send those parts again. So this one ends its output, reads the peer out until the
   * peer closes too (or a short while passes), and only then closes.
   */
  private static final class Graceful extends SocketConnection {
    private static final int DRAIN_MS = 2_000;

    private final Socket socket;
    private final AtomicBoolean closed = new AtomicBoolean();

    Graceful(Socket socket) throws IOException {
      super(socket);
      this.socket = socket;
    }

    @Override
    public void close() {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      try {
        // A dropped session has its output cut already, and shutting it again would throw.
        if (!socket.isOutputShutdown()) {
          socket.shutdownOutput();
        }
        socket.setSoTimeout(DRAIN_MS);
        InputStream in = socket.getInputStream();
        byte[] sink = new byte[8192];
        while (in.read(sink) != -1) {
          // discard: the session is over
        }
      } catch (IOException e) {
        // the peer reset or the drain timed out: close all the same
      }
      super.close();
    }
  }
}
