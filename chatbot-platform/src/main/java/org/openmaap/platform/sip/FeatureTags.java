package org.openmaap.platform.sip;

import java.util.List;

/** SIP.md's chatbot identities: the feature tags of a bot's Contact and the CPM service. */
final class FeatureTags {

  /** The chatbot (standalone) application reference, as a Contact and Accept-Contact tag. */
  static final String CHATBOT_IARI = "urn%3Aurn-7%3A3gpp-application.ims.iari.rcs.chatbot.sa";
  /** What the platform says of itself in the Contact of a bot's requests and answers. */
  static final String BOT_TAGS = ";+g.3gpp.iari-ref=\"" + CHATBOT_IARI + "\""
      + ";+g.gsma.rcs.isbot;+g.gsma.rcs.botversion=\"#=1,#=2\"";
  /** The CPM standalone messaging service, asserted by the platform as a trusted node. */
  static final String CPM_MESSAGING = "urn:urn-7:3gpp-service.ims.icsi.oma.cpm.msg";
  /** The methods the interface takes. */
  static final List<String> ALLOW = List.of("MESSAGE", "OPTIONS", "REGISTER");
  /** The content a chatbot takes from a phone, for OPTIONS answers. */
  static final List<String> ACCEPT =
      List.of("message/cpim", "text/plain", "application/im-iscomposing+xml");

  private FeatureTags() {}
}
