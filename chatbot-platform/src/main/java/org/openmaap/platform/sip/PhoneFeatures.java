package org.openmaap.platform.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sip.header.ContactHeader;

/**
 * What a phone's REGISTER says it can do: the RCS feature tags of its Contact, read onto the
 * capability features the Chatbot API answers with.
 */
final class PhoneFeatures {

  private static final String IARI = "+g.3gpp.iari-ref";
  private static final String ICSI = "+g.3gpp.icsi-ref";
  private static final String APPLICATION = "3gpp-application.ims.iari.rcs.";

  private PhoneFeatures() {}

  /**
   * The features of a Contact with RCS feature tags, or empty when it has none (a plain SIP
   * client, which is then taken as RCS-capable with the default features).
   */
  static Optional<List<String>> of(ContactHeader contact) {
    String iari = decoded(contact.getParameter(IARI));
    String icsi = decoded(contact.getParameter(ICSI));
    if (iari.isEmpty() && icsi.isEmpty()) {
      return Optional.empty();
    }
    List<String> features = new ArrayList<>();
    if (iari.contains(APPLICATION + "chatbot")) {
      features.addAll(List.of("chatbot", "richcard", "carousel"));
    }
    if (iari.contains(APPLICATION + "geopush")) {
      features.add("geolocationPush");
    }
    if (iari.contains(APPLICATION + "fthttp")) {
      features.add("fileTransfer");
    }
    return Optional.of(List.copyOf(features));
  }

  /** A tag's value without its quotes, %3A read as ':', in lower case ("" when absent). */
  private static String decoded(String value) {
    return value == null ? "" : value.replace("\"", "").replace("%3A", ":").replace("%3a", ":")
        .toLowerCase(Locale.ROOT);
  }
}
