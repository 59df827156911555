package org.openmaap.platform.sms;

/**
 * An SMS that did not go out because its journal said no before its first part was submitted:
 * its message was delivered on RCS or revoked meanwhile.
 */
public final class SmsWithdrawn extends RuntimeException {

  SmsWithdrawn(String reference) {
    super("the SMS " + reference + " was withdrawn before it went out", null, false, false);
  }
}
