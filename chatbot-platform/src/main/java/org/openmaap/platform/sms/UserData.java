package org.openmaap.platform.sms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openmaap.card.sms.Encoding;
import org.openmaap.card.sms.Gsm7;
import org.openmaap.card.sms.Segment;
import org.openmaap.card.sms.Segmentation;
import org.openmaap.card.sms.SmsSegments;

/**
 * The short_message of SMS parts: the text split as card-renderer splits it, in GSM-7 (data_coding
 * 0) or UCS-2 (data_coding 8), each part of a long text behind a concatenation header.
 */
final class UserData {
  static final byte GSM_7 = 0x00;
  static final byte UCS_2 = 0x08;
  /** esm_class bit: the short_message starts with a user data header. */
  static final byte UDHI = 0x40;
  /** esm_class message type: an SMSC delivery receipt. */
  static final byte RECEIPT = 0x04;
  static final int MAX_PARTS = 255;

  private static final byte IEI_CONCAT_8 = 0x00;
  private static final byte IEI_CONCAT_16 = 0x08;

  /** A text ready to submit: its data_coding, esm_class and the short_message of each part. */
  record Encoded(byte dataCoding, byte esmClass, List<byte[]> parts) {}

  /** A short_message read back: the concatenation header if any, and the encoded text after it. */
  record Parsed(Concat concat, byte[] payload) {}

  /** Where a part belongs: a reference shared by the parts of one text, their count, its place. */
  record Concat(int reference, int total, int sequence) {}

  private UserData() {}

  /**
   * Encodes {@code text} as card-renderer's SmsSegments splits it, so that each part ends on a
   * character (never inside an escape or a surrogate pair) and the joined parts are the text.
   */
  static Encoded encode(String text, int reference) {
    Segmentation segmentation = SmsSegments.split(text);
    boolean gsm = segmentation.encoding() == Encoding.GSM_7;
    int total = segmentation.count();
    if (total > MAX_PARTS) {
      throw new IllegalArgumentException("the text needs " + total
          + " SMS parts; concatenation allows at most " + MAX_PARTS);
    }
    List<byte[]> parts = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      Segment segment = segmentation.segments().get(i);
      byte[] payload = gsm ? Gsm7.encode(segment.text())
          : segment.text().getBytes(StandardCharsets.UTF_16BE);
      parts.add(total == 1 ? payload : withHeader(reference, total, i + 1, payload));
    }
    return new Encoded(gsm ? GSM_7 : UCS_2, total == 1 ? 0 : UDHI, List.copyOf(parts));
  }

  private static byte[] withHeader(int reference, int total, int sequence, byte[] payload) {
    byte[] part = new byte[6 + payload.length];
    part[0] = 0x05; // header length: one 5-octet element
    part[1] = IEI_CONCAT_8;
    part[2] = 0x03;
    part[3] = (byte) reference;
    part[4] = (byte) total;
    part[5] = (byte) sequence;
    System.arraycopy(payload, 0, part, 6, payload.length);
    return part;
  }

  /** Splits a short_message into its concatenation header (null if none) and the text bytes. */
  static Parsed parse(byte esmClass, byte[] shortMessage) {
    if ((esmClass & UDHI) == 0 || shortMessage.length == 0) {
      return new Parsed(null, shortMessage);
    }
    int headerLength = shortMessage[0] & 0xFF;
    if (headerLength + 1 > shortMessage.length) {
      return new Parsed(null, shortMessage); // a broken header: keep the bytes rather than drop them
    }
    Concat concat = null;
    int at = 1;
    while (at + 1 < headerLength + 1) {
      int iei = shortMessage[at];
      int length = shortMessage[at + 1] & 0xFF;
      int data = at + 2;
      if (data + length > headerLength + 1) {
        break;
      }
      if (iei == IEI_CONCAT_8 && length == 3) {
        concat = concat(shortMessage[data] & 0xFF, shortMessage[data + 1], shortMessage[data + 2]);
      } else if (iei == IEI_CONCAT_16 && length == 4) {
        int reference = (shortMessage[data] & 0xFF) << 8 | shortMessage[data + 1] & 0xFF;
        concat = concat(reference, shortMessage[data + 2], shortMessage[data + 3]);
      }
      at = data + length;
    }
    return new Parsed(concat,
        Arrays.copyOfRange(shortMessage, headerLength + 1, shortMessage.length));
  }

  private static Concat concat(int reference, byte total, byte sequence) {
    int count = total & 0xFF;
    int place = sequence & 0xFF;
    // 23.040: a header with a count of 0 or a place outside 1..count is ignored.
    return count > 0 && place >= 1 && place <= count ? new Concat(reference, count, place) : null;
  }

  /** Decodes text bytes by their data_coding; bytes of split parts must be joined first. */
  static String decode(byte dataCoding, byte[] payload) {
    if (isGsm7(dataCoding)) {
      return Gsm7.decode(payload, 0, payload.length);
    }
    return new String(payload, charset(dataCoding));
  }

  /** Joins the text bytes of parts in order. */
  static byte[] join(List<byte[]> payloads) {
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    payloads.forEach(joined::writeBytes);
    return joined.toByteArray();
  }

  /** "GSM-7", "UCS-2", or what else the data_coding names, as the inbox shows it. */
  static String label(byte dataCoding) {
    if (isGsm7(dataCoding)) {
      return Encoding.GSM_7.label();
    }
    Charset charset = charset(dataCoding);
    return charset.equals(StandardCharsets.UTF_16BE) ? Encoding.UCS_2.label() : charset.name();
  }

  private static boolean isGsm7(byte dataCoding) {
    int dcs = dataCoding & 0xFF;
    if (dcs == 0x00) {
      return true;
    }
    if ((dcs & 0xF0) == 0x00) {
      return false; // SMPP's own values 0x01..0x0F: IA5, Latin-1, UCS-2...
    }
    if ((dcs & 0xC0) == 0x00) {
      return (dcs & 0x0C) == 0x00; // 23.038 general coding with a class: alphabet in bits 3..2
    }
    if ((dcs & 0xF0) == 0xF0) {
      return (dcs & 0x04) == 0;
    }
    return (dcs & 0xF0) == 0xC0 || (dcs & 0xF0) == 0xD0; // message waiting, GSM-7
  }

  private static Charset charset(byte dataCoding) {
    int dcs = dataCoding & 0xFF;
    boolean ucs2 = dcs == 0x08
        || (dcs & 0xF0) != 0x00 && (dcs & 0xC0) == 0x00 && (dcs & 0x0C) == 0x08
        || (dcs & 0xF0) == 0xE0;
    if (ucs2) {
      return StandardCharsets.UTF_16BE;
    }
    return dcs == 0x01 ? StandardCharsets.US_ASCII : StandardCharsets.ISO_8859_1;
  }
}
