package org.openmaap.platform.sms;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import org.openmaap.card.sms.Gsm7;

/** The embedded SMSC's fault hooks, for tests outside its package (the jar does not ship them). */
public final class SmscFaults {

  private final EmbeddedSmsc smsc;

  private SmscFaults(EmbeddedSmsc smsc) {
    this.smsc = smsc;
  }

  /** The faults {@code smsc} can be told to inject. */
  public static SmscFaults of(EmbeddedSmsc smsc) {
    return new SmscFaults(smsc);
  }

  /** Holds each submit_sm's answer back by {@code delay}, as a slow SMSC. */
  public void delayAnswers(Duration delay) {
    smsc.delayAnswers(delay);
  }

  /** The text of every submit_sm that arrived, in order, answered or not (GSM-7, one part). */
  public List<String> everySubmittedText() {
    return smsc.everySubmit().stream().map(part -> Gsm7.decode(part.shortMessage(), 0,
        part.shortMessage().length)).toList();
  }

  /** Answers the next {@code submits} submit_sm with ESME_RTHROTTLED. */
  public void throttleNext(int submits) {
    smsc.throttleNext(submits);
  }

  /** Drops every bind now, as an SMSC that went away. */
  public void dropBinds() {
    smsc.dropBinds();
  }

  /** Drops the bind that brings the {@code submits}-th submit_sm from now, before answering it. */
  public void dropBindAfter(int submits) {
    smsc.dropBindAfter(submits);
  }

  /** Gives the next {@code receipts} receipts the state {@code stat} and error {@code err}. */
  public void failNextReceipts(int receipts, String stat, String err) {
    smsc.failNextReceipts(receipts, stat, err);
  }

  /** Sends each of the next {@code pdus} deliver_sm twice, as an SMSC that missed the answer. */
  public void redeliverNext(int pdus) {
    smsc.redeliverNext(pdus);
  }

  /**
   * Sends only parts {@code sequences} (from 1) of {@code text} from the phone {@code from}, split
   * under concatenation reference {@code reference}, as a handset whose other parts are late.
   */
  public Future<Void> deliverParts(String from, String to, String text, int reference,
      int... sequences) {
    return smsc.deliverParts(from, to, text, reference, sequences);
  }
}
