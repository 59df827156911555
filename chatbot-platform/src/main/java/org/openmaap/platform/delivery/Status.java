package org.openmaap.platform.delivery;

/** The one status vocabulary of API.md; {@link StatusMachine} says which may follow which. */
public final class Status {

  public static final String PENDING = "pending";
  public static final String SENT = "sent";
  public static final String DELIVERED = "delivered";
  public static final String DISPLAYED = "displayed";
  public static final String FAILED = "failed";
  public static final String CANCELLED = "cancelled";
  /** Sent as SMS, and the SMSC accepted it. */
  public static final String DELIVERED_TO_NETWORK = "deliveredToNetwork";
  /** The handset's receipt for the SMS came back. */
  public static final String DELIVERED_AS_SMS = "deliveredAsSms";
  /**
   * Never a message's status: what a dialect whose revoke answers later (CT/CU) is told when the
   * message had gone on before the revoke came.
   */
  public static final String REVOKE_REFUSED = "revokeRefused";

  public static final String CHANNEL_RCS = "rcs";
  public static final String CHANNEL_SMS = "sms";

  public static final String REASON_EXPIRED = "expired";
  public static final String REASON_NOT_RCS_CAPABLE = "not_rcs_capable";
  /** The user answered STOP to this chatbot's SMS. */
  public static final String REASON_OPTED_OUT = "opted_out";
  /** The SMSC refused the SMS (submit_sm_resp with an error). */
  public static final String REASON_SMS_REJECTED = "sms_rejected";
  /** The SMS receipt said UNDELIV, EXPIRED, REJECTD, UNKNOWN or DELETED. */
  public static final String REASON_SMS_NOT_DELIVERED = "sms_not_delivered";
  /**
   * A crash came between a part's submit_sm and the record of the SMSC's answer: whether the user
   * got the SMS is unknown, and it is not sent again (SMS.md, "Crashes").
   */
  public static final String REASON_SMS_UNKNOWN = "sms_unknown";

  private Status() {}
}
