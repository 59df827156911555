package org.openmaap.platform.delivery;

import java.util.List;

/** The one status vocabulary of API.md, and which statuses a change may start from. */
public final class Status {

  public static final String PENDING = "pending";
  public static final String SENT = "sent";
  public static final String DELIVERED = "delivered";
  public static final String DISPLAYED = "displayed";
  public static final String FAILED = "failed";
  public static final String CANCELLED = "cancelled";

  static final List<String> UNDELIVERED = List.of(PENDING, SENT);
  static final List<String> DISPLAYABLE = List.of(PENDING, SENT, DELIVERED);

  public static final String CHANNEL_RCS = "rcs";

  public static final String REASON_EXPIRED = "expired";
  public static final String REASON_NOT_RCS_CAPABLE = "not_rcs_capable";

  private Status() {}
}
