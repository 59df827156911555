package org.openmaap.platform.sms;

import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;

/**
 * What the gateway keeps of a deliver_sm, copied on jSMPP's thread so that the rest of the work can
 * happen on the gateway's context.
 */
record Delivered(
    String from,
    String to,
    byte esmClass,
    byte dataCoding,
    byte[] shortMessage,
    String receiptedId,
    Integer messageState,
    Integer networkError) {

  static Delivered of(DeliverSm sm) {
    byte[] shortMessage = sm.getShortMessage() == null ? new byte[0] : sm.getShortMessage();
    if (shortMessage.length == 0) {
      // Some SMSCs always carry the text in message_payload rather than short_message.
      OptionalParameter.Message_payload payload =
          sm.getOptionalParameter(OptionalParameter.Message_payload.class);
      if (payload != null && payload.getValue() != null) {
        shortMessage = payload.getValue();
      }
    }
    OptionalParameter.Receipted_message_id receipted =
        sm.getOptionalParameter(OptionalParameter.Receipted_message_id.class);
    OptionalParameter.Message_state state =
        sm.getOptionalParameter(OptionalParameter.Message_state.class);
    OptionalParameter.Network_error_code error =
        sm.getOptionalParameter(OptionalParameter.Network_error_code.class);
    return new Delivered(
        Address.display(sm.getSourceAddrTon(), sm.getSourceAddr()),
        Address.display(sm.getDestAddrTon(), sm.getDestAddress()),
        sm.getEsmClass(),
        sm.getDataCoding(),
        shortMessage,
        receipted == null ? null : receipted.getValueAsString(),
        state == null ? null : Integer.valueOf(state.getValue() & 0xFF),
        error == null || error.getValue().length < 3 ? null
            : Integer.valueOf(error.getErrorCode() & 0xFFFF));
  }

  /** Whether this is a delivery receipt or an intermediate notification, not a user's SMS. */
  boolean isReceipt() {
    int type = esmClass & 0x3C;
    return type == UserData.RECEIPT || type == 0x20;
  }
}
