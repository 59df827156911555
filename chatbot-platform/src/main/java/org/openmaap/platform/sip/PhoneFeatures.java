package org.openmaap.platform.sip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExtensionHeader;
import javax.sip.header.Parameters;
import javax.sip.message.Response;

/**
 * What a phone says it can do, in its REGISTER's Contact or its answer to the platform's OPTIONS:
 * the RCS feature tags, read onto the capability features the Chatbot API answers with.
 */
final class PhoneFeatures {

  private static final String IARI = "+g.3gpp.iari-ref";
  private static final String ICSI = "+g.3gpp.icsi-ref";
  private static final String BOT_VERSION = "+g.gsma.rcs.botversion";
  private static final String APPLICATION = "3gpp-application.ims.iari.rcs.";
  private static final String CPM_FILE_TRANSFER = "3gpp-service.ims.icsi.oma.cpm.filetransfer";
  /** Where an answer to OPTIONS carries a phone's tags. */
  private static final List<String> ANSWER_HEADERS = List.of(ContactHeader.NAME, "Accept-Contact");

  private PhoneFeatures() {}

  /**
   * The features of a Contact with RCS feature tags, or empty when it has none (a plain SIP
   * client, which is then taken as RCS-capable with the default features).
   */
  static Optional<List<String>> of(ContactHeader contact) {
    return of(List.of(contact));
  }

  /** The features the tags of an answer's Contact and Accept-Contact name, as for a Contact. */
  static Optional<List<String>> of(Response answer) {
    List<Parameters> tagged = new ArrayList<>();
    for (String name : ANSWER_HEADERS) {
      for (Iterator<?> headers = answer.getHeaders(name); headers.hasNext(); ) {
        Object header = headers.next();
        if (header instanceof Parameters tags) {
          tagged.add(tags);
        } else if (header instanceof ExtensionHeader text) {
          tagged.add(new Tags(text.getValue()));
        }
      }
    }
    return of(tagged);
  }

  private static Optional<List<String>> of(List<? extends Parameters> tagged) {
    StringBuilder iari = new StringBuilder();
    StringBuilder icsi = new StringBuilder();
    boolean botVersion = false;
    for (Parameters tags : tagged) {
      iari.append(decoded(tags.getParameter(IARI))).append(',');
      icsi.append(decoded(tags.getParameter(ICSI))).append(',');
      botVersion |= tags.getParameter(BOT_VERSION) != null;
    }
    if (iari.toString().replace(",", "").isEmpty() && icsi.toString().replace(",", "").isEmpty()
        && !botVersion) {
      return Optional.empty();
    }
    List<String> features = new ArrayList<>();
    if (iari.indexOf(APPLICATION + "chatbot") >= 0 || botVersion) {
      features.addAll(List.of("chatbot", "richcard", "carousel"));
    }
    if (iari.indexOf(APPLICATION + "geopush") >= 0) {
      features.add("geolocationPush");
    }
    if (iari.indexOf(APPLICATION + "fthttp") >= 0 || icsi.indexOf(CPM_FILE_TRANSFER) >= 0) {
      features.add("fileTransfer");
    }
    return Optional.of(List.copyOf(features));
  }

  /** A tag's value without its quotes, %3A read as ':', in lower case ("" when absent). */
  private static String decoded(String value) {
    return value == null ? "" : value.replace("\"", "").replace("%3A", ":").replace("%3a", ":")
        .toLowerCase(Locale.ROOT);
  }

  /**
   * The tags of a header the stack keeps as text (Accept-Contact: {@code *;tag=value;flag}), read
   * for {@link #of(List)} alone.
   */
  private static final class Tags implements Parameters {

    private final Map<String, String> tags = new HashMap<>();

    Tags(String value) {
      String[] parts = value.substring(Math.max(0, value.lastIndexOf('>') + 1)).split(";");
      for (int i = 1; i < parts.length; i++) {
        int equals = parts[i].indexOf('=');
        String name = (equals < 0 ? parts[i] : parts[i].substring(0, equals)).trim();
        tags.put(name.toLowerCase(Locale.ROOT), equals < 0 ? "" : parts[i].substring(equals + 1)
            .trim());
      }
    }

    @Override
    public String getParameter(String name) {
      return tags.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public void setParameter(String name, String value) {
      throw new UnsupportedOperationException("read only");
    }

    @Override
    public Iterator<String> getParameterNames() {
      return tags.keySet().iterator();
    }

    @Override
    public void removeParameter(String name) {
      throw new UnsupportedOperationException("read only");
    }
  }
}
