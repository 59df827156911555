package org.openmaap.card.network;

import java.util.Map;
import java.util.regex.Pattern;
import org.openmaap.card.model.FileMessage;
import org.w3c.dom.Element;

/**
 * An FT-HTTP file descriptor: the file message it carries and until when the server keeps the file
 * ({@code until}) and its thumbnail ({@code thumbnailUntil}), ISO-8601 date-times with an offset.
 */
public record FtHttp(FileMessage file, String until, String thumbnailUntil) {

  /** The content type of an FT-HTTP file descriptor. */
  public static final String CONTENT_TYPE = "application/vnd.gsma.rcs-ft-http+xml";

  static final String NS = "urn:gsma:params:xml:ns:rcs:rcs:fthttp";

  private static final String FILE = "file-info of type file";
  private static final String THUMBNAIL = "file-info of type thumbnail";

  private static final Map<String, String> PLACES = Map.of(
      "fileUrl", FILE + ", data url",
      "fileName", FILE + ", file-name",
      "fileMIMEType", FILE + ", content-type",
      "fileSize", FILE + ", file-size",
      "thumbnailUrl", THUMBNAIL + ", data url",
      "thumbnailMIMEType", THUMBNAIL + ", content-type",
      "thumbnailFileSize", THUMBNAIL + ", file-size");

  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  /** A descriptor whose thumbnail, if the file message has one, is kept as long as the file. */
  public FtHttp(FileMessage file, String until) {
    this(file, until, file != null && file.thumbnailUrl() != null ? until : null);
  }

  /** Reads a descriptor from bytes (at most 64 KiB), refusing DOCTYPEs and invalid content. */
  public static FtHttp read(byte[] xml) {
    return read(Xml.parse(xml));
  }

  /** Reads a descriptor from text (at most 64 Ki characters), as {@link #read(byte[])} does. */
  public static FtHttp read(String xml) {
    return read(Xml.parse(xml));
  }

  /** The descriptor as XML, after the checks that reading applies. */
  public String write() {
    check();
    XmlWriter xml = new XmlWriter().open("file", "xmlns", NS);
    if (file.thumbnailUrl() != null) {
      new Part(file.thumbnailUrl(), thumbnailUntil, null, file.thumbnailMIMEType(),
          file.thumbnailFileSize()).write(xml, "thumbnail");
    }
    new Part(file.fileUrl(), until, file.fileName(), file.fileMIMEType(), file.fileSize())
        .write(xml, "file");
    return xml.close().toString();
  }

  private static FtHttp read(Element root) {
    Xml.expectRoot(root, NS, "file", "an FT-HTTP file descriptor");
    Element fileInfo = null;
    Element thumbnailInfo = null;
    for (Element info : Xml.children(root, NS, "file-info")) {
      String type = Xml.attribute(info, "type");
      if ("file".equals(type) && fileInfo == null) {
        fileInfo = info;
      } else if ("thumbnail".equals(type) && thumbnailInfo == null) {
        thumbnailInfo = info;
      } else if ("file".equals(type) || "thumbnail".equals(type)) {
        throw new NetworkFormatException(
            "the FT-HTTP descriptor has two file-info elements of type " + type);
      } else {
        throw new NetworkFormatException(type == null
            ? "a file-info has no type; expected file or thumbnail"
            : "a file-info has type '" + NetworkFormatException.excerpt(type)
                + "'; expected file or thumbnail");
      }
    }
    if (fileInfo == null) {
      throw new NetworkFormatException("the FT-HTTP descriptor has no file-info of type file");
    }
    Part main = Part.read(fileInfo, FILE, true);
    Part thumbnail = thumbnailInfo == null ? null : Part.read(thumbnailInfo, THUMBNAIL, false);
    FtHttp descriptor = new FtHttp(
        new FileMessage(main.url(), main.name(), main.contentType(), main.size(),
            thumbnail == null ? null : thumbnail.url(),
            thumbnail == null ? null : thumbnail.contentType(),
            thumbnail == null ? null : thumbnail.size()),
        main.until(),
        thumbnail == null ? null : thumbnail.until());
    descriptor.check();
    return descriptor;
  }

  /** The rules both directions share: the validator's, plus the validity date-times. */
  private void check() {
    if (file == null) {
      throw new NetworkFormatException("an FT-HTTP descriptor needs a file message");
    }
    ModelRules.check("fileMessage", file, PLACES);
    if (until == null) {
      throw new NetworkFormatException(FILE + " has no data until: the descriptor must say until "
          + "when the server keeps the file");
    }
    ModelRules.checkDateTime(until, FILE + ", data until");
    if (file.thumbnailUrl() == null) {
      if (thumbnailUntil != null) {
        throw new NetworkFormatException("thumbnailUntil is given but the file message has no "
            + "thumbnail");
      }
    } else if (thumbnailUntil == null) {
      throw new NetworkFormatException(THUMBNAIL + " has no data until: the descriptor must say "
          + "until when the server keeps the thumbnail");
    } else {
      ModelRules.checkDateTime(thumbnailUntil, THUMBNAIL + ", data until");
    }
  }

  /** One file-info element; the model keeps no name for a thumbnail, so none is read for it. */
  private record Part(String url, String until, String name, String contentType, Long size) {

    static Part read(Element info, String where, boolean named) {
      Element data = Xml.required(info, NS, "data", "data element", where);
      String url = Xml.attribute(data, "url");
      if (url == null) {
        throw new NetworkFormatException(where + " has no data url");
      }
      String until = Xml.attribute(data, "until");
      Element name = named ? Xml.optional(info, NS, "file-name", "file-name", where) : null;
      return new Part(
          url.strip(),
          until == null ? null : until.strip(),
          name == null ? null : Xml.text(name, where + ", file-name"),
          Xml.token(Xml.required(info, NS, "content-type", "content-type", where),
              where + ", content-type"),
          size(Xml.token(Xml.required(info, NS, "file-size", "file-size", where),
              where + ", file-size"), where));
    }

    private static long size(String text, String where) {
      if (!DIGITS.matcher(text).matches()) {
        throw new NetworkFormatException(where + ", file-size must be a whole number of bytes; "
            + "got '" + NetworkFormatException.excerpt(text) + "'");
      }
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new NetworkFormatException(where + ", file-size of "
            + NetworkFormatException.excerpt(text) + " bytes is too large");
      }
    }

    void write(XmlWriter xml, String type) {
      xml.open("file-info", "type", type)
          .leaf("file-size", Long.toString(size))
          .leaf("file-name", name)
          .leaf("content-type", contentType)
          .empty("data", "url", url, "until", until)
          .close();
    }
  }
}
