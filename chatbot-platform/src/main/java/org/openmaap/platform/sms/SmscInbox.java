package org.openmaap.platform.sms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openmaap.platform.sms.EmbeddedSmsc.InboxMessage;
import org.openmaap.platform.sms.EmbeddedSmsc.InboxPage;
import org.openmaap.platform.sms.UserData.Concat;
import org.openmaap.platform.sms.UserData.Parsed;

/**
 * What the embedded SMSC accepted: every part as it came, and per destination number the texts with
 * their parts joined, numbered in arrival order so that a reader can ask for what came since.
 */
final class SmscInbox {
  private final List<SubmittedPart> parts = new ArrayList<>();
  private final Map<String, List<Numbered>> byNumber = new HashMap<>();
  private final Map<String, TreeMap<Integer, SubmittedPart>> partials = new HashMap<>();
  private long sequence;

  private record Numbered(long sequence, InboxMessage message) {}

  /** Files an accepted part; returns the text it completes, or null while parts are missing. */
  synchronized InboxMessage add(SubmittedPart part) {
    parts.add(part);
    Parsed parsed = UserData.parse(part.esmClass(), part.shortMessage());
    Concat concat = parsed.concat();
    if (concat == null) {
      return file(part, List.of(part), 1);
    }
    String group = part.from() + '\u0000' + part.to() + '\u0000' + concat.reference() + '/'
        + concat.total();
    TreeMap<Integer, SubmittedPart> received = partials.computeIfAbsent(group,
        g -> new TreeMap<>());
    received.put(concat.sequence(), part);
    if (received.size() < concat.total()) {
      return null;
    }
    partials.remove(group);
    return file(received.firstEntry().getValue(), List.copyOf(received.values()), concat.total());
  }

  private InboxMessage file(SubmittedPart first, List<SubmittedPart> all, int segments) {
    List<byte[]> payloads = new ArrayList<>(all.size());
    for (SubmittedPart part : all) {
      payloads.add(UserData.parse(part.esmClass(), part.shortMessage()).payload());
    }
    String text = UserData.decode(first.dataCoding(), UserData.join(payloads));
    InboxMessage message = new InboxMessage(first.messageId(), first.from(), text,
        UserData.label(first.dataCoding()), segments, all.get(all.size() - 1).receivedAt());
    byNumber.computeIfAbsent(first.to(), n -> new ArrayList<>())
        .add(new Numbered(++sequence, message));
    return message;
  }

  /** The texts to {@code number} after cursor {@code since} (0 for all), and the next cursor. */
  synchronized InboxPage page(String number, long since) {
    List<InboxMessage> messages = new ArrayList<>();
    long cursor = since;
    for (Numbered numbered : byNumber.getOrDefault(number, List.of())) {
      if (numbered.sequence() > since) {
        messages.add(numbered.message());
        cursor = numbered.sequence();
      }
    }
    return new InboxPage(messages, Long.toString(cursor));
  }

  synchronized List<SubmittedPart> parts() {
    return List.copyOf(parts);
  }
}
