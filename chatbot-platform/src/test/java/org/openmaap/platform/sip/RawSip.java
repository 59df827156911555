package org.openmaap.platform.sip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A SIP client made of bare sockets, for what no well-behaved phone sends: garbage, exact bodies
 * (deflated, oversized). Each request is one datagram or one TCP connection, and its answer's
 * status line is read.
 */
final class RawSip {

  private static final int TIMEOUT_MILLIS = 5_000;

  private RawSip() {}

  /** Sends a MESSAGE over UDP from {@code from} to {@code botId}; answers the status line. */
  static String message(int port, String from, String botId, String contentType,
      String extraHeaders, byte[] body) {
    return request(port, botId, "From: <sip:" + from + "@ims.test>;tag=raw\r\n"
        + "To: <sip:" + botId + "@test.local>\r\n"
        + "Call-ID: " + UUID.randomUUID() + "@127.0.0.1\r\n"
        + "CSeq: 1 MESSAGE\r\n"
        + "Max-Forwards: 70\r\n"
        + "Content-Type: " + contentType + "\r\n"
        + extraHeaders, body);
  }

  /**
   * Sends a MESSAGE to {@code botId} over UDP with {@code headers} as given (this adds the Via and
   * Content-Length); answers the status line.
   */
  static String request(int port, String botId, String headers, byte[] body) {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      String head = "MESSAGE sip:" + botId + "@test.local SIP/2.0\r\n"
          + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK"
          + UUID.randomUUID() + "\r\n"
          + headers
          + "Content-Length: " + body.length + "\r\n\r\n";
      ByteArrayOutputStream datagram = new ByteArrayOutputStream();
      datagram.writeBytes(head.getBytes(StandardCharsets.UTF_8));
      datagram.writeBytes(body);
      byte[] bytes = datagram.toByteArray();
      socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(),
          port));
      byte[] answer = new byte[65_535];
      DatagramPacket received = new DatagramPacket(answer, answer.length);
      socket.receive(received);
      String text = new String(answer, 0, received.getLength(), StandardCharsets.UTF_8);
      return text.substring(0, text.indexOf("\r\n"));
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer within " + TIMEOUT_MILLIS + " ms");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends a MESSAGE over a TCP connection of its own from {@code from} to {@code botId}; answers
   * the status line, or null when the platform closed the connection without one.
   */
  static String messageOverTcp(int port, String from, String botId, String contentType,
      byte[] body) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      String head = "MESSAGE sip:" + botId + "@test.local SIP/2.0\r\n"
          + "Via: SIP/2.0/TCP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK"
          + UUID.randomUUID() + "\r\n"
          + "From: <sip:" + from + "@ims.test>;tag=raw\r\n"
          + "To: <sip:" + botId + "@test.local>\r\n"
          + "Call-ID: " + UUID.randomUUID() + "@127.0.0.1\r\n"
          + "CSeq: 1 MESSAGE\r\n"
          + "Max-Forwards: 70\r\n"
          + "Content-Type: " + contentType + "\r\n"
          + "Content-Length: " + body.length + "\r\n\r\n";
      try {
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.UTF_8));
        out.write(body);
        out.flush();
      } catch (IOException closedWhileWriting) {
        // the platform may close the connection before it has read all of it: read what it said
      }
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = socket.getInputStream().read()) >= 0 && b != '\n') {
        line.write(b);
      }
      return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8).strip();
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer nor close within " + TIMEOUT_MILLIS + " ms");
    } catch (IOException e) {
      // reset by the platform: closed without an answer
      return null;
    }
  }

  /** Sends {@code garbage} as a UDP datagram and on a TCP connection; expects no answer. */
  static void garbage(int port, byte[] garbage) {
    try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Socket tcp = new Socket(InetAddress.getLoopbackAddress(), port)) {
      udp.send(new DatagramPacket(garbage, garbage.length, InetAddress.getLoopbackAddress(),
          port));
      OutputStream out = tcp.getOutputStream();
      out.write(garbage);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A CPIM body from {@code from} to {@code botId} holding {@code text}. */
  static byte[] cpimText(String from, String botId, String text) {
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    return ("From: <sip:" + from + "@ims.test>\r\nTo: <sip:" + botId + "@test.local>\r\n"
        + "NS: imdn <urn:ietf:params:imdn>\r\nimdn.Message-ID: raw-" + UUID.randomUUID()
        + "\r\n\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: " + content.length
        + "\r\n\r\n" + text).getBytes(StandardCharsets.UTF_8);
  }
}
