package org.openmaap.platform.sms;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jsmpp.DefaultPDUReader;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.PDUException;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.util.DefaultDecomposer;

/**
 * One bound SMPP session of the gateway. It notes every submit_sm_resp as it comes off the wire,
 * by sequence number: jSMPP drops answers it has read but not yet handled when the connection
 * closes, and drops answers that come after the request timed out, and the gateway must not send
 * again a part the SMSC did accept. All methods block; call them from worker threads.
 */
final class EsmeSession {
  /** The sequence number of the submit_sm the calling thread sent last, or -1. */
  private static final ThreadLocal<int[]> SENT = ThreadLocal.withInitial(() -> new int[] {-1});

  /** A submit_sm_resp: its command_status and, when 0, the message id. */
  record Answer(int status, String messageId) {}

  /** A submit that got no usable answer; {@code sequence} lets a late answer be found. */
  static final class Unanswered extends Exception {
    final int sequence;

    Unanswered(Throwable cause, int sequence) {
      super(cause.getMessage(), cause, false, false);
      this.sequence = sequence;
    }
  }

  private final SMPPSession session;
  private final Map<Integer, Answer> answers = new ConcurrentHashMap<>();

  private EsmeSession(int connectTimeout) {
    this.session = new SMPPSession(new SynchronizedPDUSender(new SequenceNoting()),
        new AnswerNoting(), (host, port) -> {
          // jSMPP's own factory connects without a timeout and leaves Nagle on, which holds
          // small PDUs back while a window of them waits for answers.
          Socket socket = new Socket();
          socket.setTcpNoDelay(true);
          socket.connect(new InetSocketAddress(host, port), connectTimeout);
          return new SocketConnection(socket);
        });
  }

  /** Connects and binds; {@code lost} runs (on a jSMPP thread) once the bind is gone. */
  static EsmeSession bind(SmppSettings settings, MessageReceiverListener receiver,
      Consumer<EsmeSession> lost) throws IOException {
    int timeout = (int) settings.requestTimeout().toMillis();
    EsmeSession esme = new EsmeSession(timeout);
    SMPPSession session = esme.session;
    session.setEnquireLinkTimer((int) settings.enquireLinkInterval().toMillis());
    session.setTransactionTimer(timeout);
    // Room for a full window of answers and as many deliver_sm beside them.
    session.setQueueCapacity(Math.max(100, settings.windowSize() * 4));
    session.setMessageReceiverListener(receiver);
    session.addSessionStateListener((newState, oldState, source) -> {
      if (oldState.isBound() && !newState.isBound()) {
        lost.accept(esme);
      }
    });
    session.connectAndBind(settings.host(), settings.port(), new BindParameter(
        bindType(settings.bindType()), settings.systemId(), settings.password(),
        settings.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
        timeout);
    return esme;
  }

  boolean isBound() {
    return session.getSessionState().isBound();
  }

  /**
   * Submits one part with a delivery receipt requested and returns the SMSC's message id. Throws
   * NegativeResponseException for a refusal, Unanswered when no answer could be read in time.
   */
  String submit(Address from, Address to, byte esmClass, byte dataCoding, byte[] shortMessage)
      throws Exception {
    int[] sent = SENT.get();
    sent[0] = -1;
    try {
      return session.submitShortMessage("", ton(from), npi(from), from.value(), ton(to), npi(to),
          to.value(), new ESMClass(esmClass), (byte) 0, (byte) 0, null, null,
          new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
          DataCodings.newInstance(dataCoding), (byte) 0, shortMessage).getMessageId();
    } catch (NegativeResponseException | PDUException refused) {
      throw refused; // refused by the SMSC, or by jSMPP before sending: trying again cannot help
    } catch (Exception e) {
      Answer answer = answer(sent[0]);
      if (answer == null) {
        throw new Unanswered(e, sent[0]);
      }
      if (answer.status() != SMPPConstant.STAT_ESME_ROK) {
        throw new NegativeResponseException(answer.status());
      }
      return answer.messageId();
    } finally {
      answers.remove(sent[0]);
    }
  }

  /** The answer read for {@code sequence}, taking it; null if none came. */
  Answer answer(int sequence) {
    return sequence < 0 ? null : answers.remove(sequence);
  }

  void unbindAndClose() {
    session.unbindAndClose();
  }

  void close() {
    session.close();
  }

  private static TypeOfNumber ton(Address address) {
    return TypeOfNumber.valueOf((byte) address.ton());
  }

  private static NumberingPlanIndicator npi(Address address) {
    return NumberingPlanIndicator.valueOf((byte) address.npi());
  }

  private static BindType bindType(SmppSettings.BindType type) {
    return switch (type) {
      case TRANSMITTER -> BindType.BIND_TX;
      case RECEIVER -> BindType.BIND_RX;
      case TRANSCEIVER -> BindType.BIND_TRX;
    };
  }

  /** Notes the sequence number jSMPP gives each submit_sm, on the thread that sends it. */
  private static final class SequenceNoting extends DefaultPDUSender {
    @Override
    public byte[] sendSubmitSm(OutputStream os, int sequenceNumber, String serviceType,
        TypeOfNumber sourceAddrTon, NumberingPlanIndicator sourceAddrNpi, String sourceAddr,
        TypeOfNumber destAddrTon, NumberingPlanIndicator destAddrNpi, String destinationAddr,
        ESMClass esmClass, byte protocolId, byte priorityFlag, String scheduleDeliveryTime,
        String validityPeriod, RegisteredDelivery registeredDelivery, byte replaceIfPresent,
        DataCoding dataCoding, byte smDefaultMsgId, byte[] shortMessage,
        OptionalParameter... optionalParameters) throws PDUStringException, IOException {
      SENT.get()[0] = sequenceNumber;
      return super.sendSubmitSm(os, sequenceNumber, serviceType, sourceAddrTon, sourceAddrNpi,
          sourceAddr, destAddrTon, destAddrNpi, destinationAddr, esmClass, protocolId,
          priorityFlag, scheduleDeliveryTime, validityPeriod, registeredDelivery, replaceIfPresent,
          dataCoding, smDefaultMsgId, shortMessage, optionalParameters);
    }
  }

  /** Notes each submit_sm_resp on jSMPP's reader thread, in the order they arrive. */
  private final class AnswerNoting extends DefaultPDUReader {
    private final DefaultDecomposer decomposer = new DefaultDecomposer();

    @Override
    public byte[] readPDU(DataInputStream in, Command header) throws IOException {
      byte[] pdu = super.readPDU(in, header);
      if (header.getCommandId() == SMPPConstant.CID_SUBMIT_SM_RESP) {
        String messageId = null;
        if (header.getCommandStatus() == SMPPConstant.STAT_ESME_ROK) {
          try {
            messageId = decomposer.submitSmResp(pdu).getMessageId();
          } catch (PDUStringException e) {
            return pdu; // jSMPP answers it with generic_nack; there is nothing to note
          }
        }
        answers.put(header.getSequenceNumber(), new Answer(header.getCommandStatus(), messageId));
      }
      return pdu;
    }
  }
}
