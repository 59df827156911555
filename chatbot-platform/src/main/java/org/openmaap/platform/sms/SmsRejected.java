package org.openmaap.platform.sms;

/** The SMSC refused a part of an SMS for good (not a throttle): the submit fails with this. */
public final class SmsRejected extends RuntimeException {

  private final int commandStatus;

  SmsRejected(String message, int commandStatus) {
    super(message, null, false, false);
    this.commandStatus = commandStatus;
  }

  /** The submit_sm_resp command_status, such as 0x0B for ESME_RINVDSTADR; 0 if none came back. */
  public int commandStatus() {
    return commandStatus;
  }
}
