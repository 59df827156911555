package org.openmaap.platform.sms;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * Where the gateway notes users' SMS before it answers their deliver_sm (an SMSC never sends an
 * answered one again, and may send an unanswered one again): the keys of those taken, so that a
 * redelivery is dropped, and the parts of concatenated texts until the last one comes. Every
 * future completes once what it notes is durable.
 */
public interface MoParts {

  /**
   * Notes {@code key} as seen until {@code until}: true, or false when it is seen already until
   * after {@code now} (a redelivery).
   */
  Future<Boolean> firstTime(String key, Instant now, Instant until);

  /**
   * Keeps {@code part} and notes {@code key} as in {@link #firstTime} (neither when the key is seen
   * already); answers every part of the text in sequence order, forgotten here, when this part
   * made it whole, else nothing.
   */
  Future<List<Part>> part(Part part, String key, Instant until);

  /**
   * Forgets the keys seen until {@code now} at most, and drops the parts of texts whose first part
   * came at or before {@code staleBefore}; answers the parts dropped, by text and sequence.
   */
  Future<List<Part>> expire(Instant now, Instant staleBefore);

  /**
   * One part of a user's concatenated SMS: part {@code sequence} (from 1) of {@code total} under
   * the text's {@code reference}, its data_coding and its text bytes (without the header).
   */
  record Part(String from, String to, int reference, int total, int sequence, byte dataCoding,
      byte[] payload, Instant receivedAt) {}
}
