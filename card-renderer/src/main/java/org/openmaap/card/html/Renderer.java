package org.openmaap.card.html;

import java.util.List;
import org.openmaap.card.model.AudioMessage;
import org.openmaap.card.model.Botmessage;
import org.openmaap.card.model.CardCarousel;
import org.openmaap.card.model.CardContent;
import org.openmaap.card.model.CardLayout;
import org.openmaap.card.model.CardLayout.CardOrientation;
import org.openmaap.card.model.CardLayout.ImageAlignment;
import org.openmaap.card.model.CardMessage;
import org.openmaap.card.model.CarouselLayout;
import org.openmaap.card.model.CarouselLayout.CardWidth;
import org.openmaap.card.model.Document;
import org.openmaap.card.model.FileMessage;
import org.openmaap.card.model.FontStyle;
import org.openmaap.card.model.GeneralPurposeCard;
import org.openmaap.card.model.GeolocationPushMessage;
import org.openmaap.card.model.Media;
import org.openmaap.card.model.Media.MediaHeight;
import org.openmaap.card.model.Postback;
import org.openmaap.card.model.RcsMessage;
import org.openmaap.card.model.RcsMessage.TypingState;
import org.openmaap.card.model.SendRequest;
import org.openmaap.card.model.SharedClientData;
import org.openmaap.card.model.SharedClientData.DeviceSpecifics;
import org.openmaap.card.model.SuggestedChipList;
import org.openmaap.card.model.Suggestion;
import org.openmaap.card.model.SuggestionResponse;
import org.openmaap.card.model.SuggestionResponse.TappedReply;

/**
 * Writes one document into a StringBuilder, top to bottom; the layout's {@code style} URL is
 * deliberately never read, so a preview never fetches a chatbot's stylesheet.
 */
final class Renderer {

  private static final String IN = "<div class=\"omp-msg omp-in\">";
  private static final String OUT = "<div class=\"omp-msg omp-out\">";
  private static final String END = "</div>";

  private final StringBuilder out;

  Renderer(StringBuilder out) {
    this.out = out;
  }

  void document(Document document) {
    if (document instanceof SendRequest request) {
      message(request.rcsMessage());
      return;
    }
    out.append("<div class=\"omp-preview\">");
    if (document instanceof Botmessage bot) {
      botmessage(bot);
    } else if (document instanceof SuggestedChipList chips) {
      chips(chips.suggestions());
    } else if (document instanceof SuggestionResponse response) {
      response(response);
    } else if (document instanceof SharedClientData shared) {
      shared(shared);
    }
    out.append(END);
  }

  void message(RcsMessage message) {
    if (message == null) {
      out.append("<div class=\"omp-preview\"></div>");
      return;
    }
    out.append("<div class=\"omp-preview\">");
    if (message.textMessage() != null) {
      out.append(IN).append("<div class=\"omp-bubble omp-text\" dir=\"auto\">");
      Html.text(out, message.textMessage());
      out.append(END).append(END);
    }
    if (message.fileMessage() != null) {
      file(message.fileMessage());
    }
    if (message.audioMessage() != null) {
      audio(message.audioMessage());
    }
    if (message.geolocationPushMessage() != null) {
      location(message.geolocationPushMessage());
    }
    if (message.richcardMessage() != null) {
      botmessage(message.richcardMessage());
    }
    if (message.suggestedResponse() != null) {
      response(message.suggestedResponse());
    }
    if (message.isTyping() == TypingState.ACTIVE) {
      out.append(IN).append("<div class=\"omp-bubble omp-typing\" role=\"status\""
          + " aria-label=\"Typing\"><span class=\"omp-dot\"></span><span class=\"omp-dot\">"
          + "</span><span class=\"omp-dot\"></span></div>").append(END);
    }
    if (message.suggestedChipList() != null) {
      chips(message.suggestedChipList().suggestions());
    }
    out.append(END);
  }

  private void botmessage(Botmessage bot) {
    CardMessage message = bot.message();
    if (message == null) {
      return;
    }
    if (message.generalPurposeCard() != null) {
      card(message.generalPurposeCard());
    }
    if (message.generalPurposeCardCarousel() != null) {
      carousel(message.generalPurposeCardCarousel());
    }
  }

  private void card(GeneralPurposeCard card) {
    CardLayout layout = card.layout();
    boolean horizontal = layout != null && layout.cardOrientation() == CardOrientation.HORIZONTAL;
    out.append(IN);
    if (horizontal) {
      boolean right = layout.imageAlignment() == ImageAlignment.RIGHT;
      out.append(right
          ? "<div class=\"omp-card omp-horizontal omp-media-right\" data-orientation=\"HORIZONTAL\""
              + " data-image-alignment=\"RIGHT\">"
          : "<div class=\"omp-card omp-horizontal omp-media-left\" data-orientation=\"HORIZONTAL\""
              + " data-image-alignment=\"LEFT\">");
    } else {
      out.append("<div class=\"omp-card omp-vertical\" data-orientation=\"VERTICAL\">");
    }
    cardContent(card.content(),
        layout == null ? null : layout.titleFontStyle(),
        layout == null ? null : layout.descriptionFontStyle());
    out.append(END).append(END);
  }

  private void carousel(CardCarousel carousel) {
    CarouselLayout layout = carousel.layout();
    CardWidth width = layout == null ? CardWidth.SMALL_WIDTH : layout.effectiveCardWidth();
    out.append("<div class=\"omp-msg omp-in omp-wide\">");
    out.append(width == CardWidth.MEDIUM_WIDTH
        ? "<div class=\"omp-carousel omp-width-medium\" data-card-width=\"MEDIUM_WIDTH\">"
        : "<div class=\"omp-carousel omp-width-small\" data-card-width=\"SMALL_WIDTH\">");
    List<CardContent> cards = carousel.content() == null ? List.of() : carousel.content();
    for (CardContent content : cards) {
      out.append("<div class=\"omp-card omp-vertical\" data-orientation=\"VERTICAL\">");
      cardContent(content,
          layout == null ? null : layout.titleFontStyle(),
          layout == null ? null : layout.descriptionFontStyle());
      out.append(END);
    }
    out.append(END).append(END);
  }

  private void cardContent(
      CardContent content, List<FontStyle> titleStyle, List<FontStyle> descriptionStyle) {
    if (content == null) {
      return;
    }
    if (content.media() != null) {
      media(content.media());
    }
    if (content.title() != null || content.description() != null) {
      out.append("<div class=\"omp-card-body\">");
      if (content.title() != null) {
        out.append("<div class=\"omp-title");
        fontStyles(titleStyle);
        out.append("\" dir=\"auto\">");
        Html.text(out, content.title());
        out.append(END);
      }
      if (content.description() != null) {
        out.append("<div class=\"omp-description");
        fontStyles(descriptionStyle);
        out.append("\" dir=\"auto\">");
        Html.text(out, content.description());
        out.append(END);
      }
      out.append(END);
    }
    List<Suggestion> suggestions = content.suggestionsOrEmpty();
    if (!suggestions.isEmpty()) {
      out.append("<div class=\"omp-card-suggestions\">");
      for (Suggestion suggestion : suggestions) {
        SuggestionHtml.append(out, suggestion, false);
      }
      out.append(END);
    }
  }

  private void fontStyles(List<FontStyle> styles) {
    if (styles == null) {
      return;
    }
    for (FontStyle style : styles) {
      if (style == FontStyle.BOLD) {
        out.append(" omp-bold");
      } else if (style == FontStyle.ITALICS) {
        out.append(" omp-italics");
      } else if (style == FontStyle.UNDERLINE) {
        out.append(" omp-underline");
      }
    }
  }

  /** Images show themselves; a video shows its thumbnail as a poster with a play badge. */
  private void media(Media media) {
    String contentType = media.mediaContentType() == null ? "" : media.mediaContentType();
    boolean video = media.isVideo();
    boolean audio = contentType.startsWith("audio/");
    String kind = video ? "omp-video" : audio ? "omp-audio" : "omp-image";
    String link = video || audio ? Urls.image(media.mediaUrl()) : null;
    String tag = link == null ? "div" : "a";
    out.append('<').append(tag).append(" class=\"omp-media ").append(kind).append(' ');
    height(media.height());
    Html.attr(out, "data-content-type", media.mediaContentType());
    if (link != null) {
      Html.attr(out, "href", link);
      out.append(" target=\"_blank\" rel=\"noopener noreferrer\"");
      Html.visibleAttr(out, "aria-label", media.contentDescription());
    }
    out.append('>');
    String src = video || audio
        ? Urls.image(media.thumbnailUrl())
        : firstNonNull(Urls.image(media.mediaUrl()), Urls.image(media.thumbnailUrl()));
    if (src != null) {
      out.append("<img class=\"omp-media-img\"");
      Html.attr(out, "src", src);
      out.append(" alt=\"");
      Html.text(out, media.contentDescription());
      out.append("\" loading=\"lazy\" decoding=\"async\" referrerpolicy=\"no-referrer\">");
    } else if (video) {
      out.append("<span class=\"omp-poster-blank\"></span>");
    } else if (audio) {
      out.append("<span class=\"omp-media-glyph\">").append(Icons.AUDIO).append("</span>");
    } else {
      out.append("<span class=\"omp-media-glyph\">").append(Icons.FILE).append("</span>");
    }
    if (video) {
      out.append("<span class=\"omp-play\">").append(Icons.PLAY).append("</span>");
    }
    out.append("</").append(tag).append('>');
  }

  private void height(MediaHeight height) {
    if (height == MediaHeight.SHORT_HEIGHT) {
      out.append("omp-height-short\" data-height=\"SHORT_HEIGHT\"");
    } else if (height == MediaHeight.TALL_HEIGHT) {
      out.append("omp-height-tall\" data-height=\"TALL_HEIGHT\"");
    } else {
      out.append("omp-height-medium\" data-height=\"MEDIUM_HEIGHT\"");
    }
  }

  private void chips(List<Suggestion> chips) {
    if (chips == null || chips.isEmpty()) {
      return;
    }
    out.append("<div class=\"omp-chips\">");
    for (Suggestion chip : chips) {
      SuggestionHtml.append(out, chip, true);
    }
    out.append(END);
  }

  private void file(FileMessage file) {
    String href = Urls.link(file.fileUrl());
    fileTileOpen("omp-file", href, file.fileMIMEType(), file.fileSize());
    String thumbnail = Urls.image(file.thumbnailUrl());
    if (thumbnail != null) {
      out.append("<img class=\"omp-file-thumb\"");
      Html.attr(out, "src", thumbnail);
      out.append(" alt=\"\" loading=\"lazy\" decoding=\"async\" referrerpolicy=\"no-referrer\">");
    } else {
      out.append("<span class=\"omp-file-icon\">").append(Icons.FILE).append("</span>");
    }
    String name = file.fileName() == null ? "File" : file.fileName();
    fileText(name, Labels.type(file.fileName(), file.fileMIMEType()), null,
        Labels.size(file.fileSize()));
    out.append(href == null ? "</div>" : "</a>").append(END);
  }

  private void audio(AudioMessage audio) {
    String href = Urls.link(audio.fileUrl());
    fileTileOpen("omp-file omp-audio-file", href, audio.fileMIMEType(), audio.fileSize());
    out.append("<span class=\"omp-file-icon\">").append(Icons.AUDIO).append("</span>");
    fileText("Audio message", Labels.type(null, audio.fileMIMEType()),
        Labels.duration(audio.playingLength()), Labels.size(audio.fileSize()));
    out.append(href == null ? "</div>" : "</a>").append(END);
  }

  private void fileTileOpen(String classes, String href, String mimeType, Long size) {
    out.append(IN).append(href == null ? "<div" : "<a").append(" class=\"").append(classes)
        .append('"');
    if (href != null) {
      Html.attr(out, "href", href);
      out.append(" target=\"_blank\" rel=\"noopener noreferrer\"");
    }
    Html.attr(out, "data-mime-type", mimeType);
    if (size != null) {
      out.append(" data-size=\"").append(size.longValue()).append('"');
    }
    out.append('>');
  }

  private void fileText(String name, String type, String duration, String size) {
    out.append("<span class=\"omp-file-text\"><span class=\"omp-file-name\" dir=\"auto\">");
    Html.text(out, name);
    out.append("</span><span class=\"omp-file-meta\">");
    String separator = "";
    for (String part : new String[] {duration, type, size}) {
      if (part != null) {
        out.append(separator);
        Html.text(out, part);
        separator = " \u00b7 ";
      }
    }
    out.append("</span></span>");
  }

  /** A shared location as a pin on a plain map-coloured tile: no map tiles are ever loaded. */
  private void location(GeolocationPushMessage location) {
    Double[] point = point(location.pos());
    Double lat = point == null ? null : point[0];
    Double lon = point == null ? null : point[1];
    String latText = Urls.coordinate(lat, 90);
    String lonText = Urls.coordinate(lon, 180);
    String href = Urls.geo(lat, lon, location.radius());
    out.append(IN).append(href == null ? "<div" : "<a").append(" class=\"omp-location\"");
    Html.attr(out, "href", href);
    Html.attr(out, "data-lat", latText);
    Html.attr(out, "data-lon", lonText);
    Html.attr(out, "data-radius",
        location.radius() == null ? null : Urls.plain(location.radius()));
    out.append("><span class=\"omp-map\"><span class=\"omp-pin\">").append(Icons.PIN)
        .append("</span></span><span class=\"omp-location-text\">"
            + "<span class=\"omp-location-label\" dir=\"auto\">");
    Html.text(out, location.label() == null ? "Shared location" : location.label());
    out.append("</span><span class=\"omp-coords\">");
    if (latText != null && lonText != null) {
      out.append(latText).append(", ").append(lonText);
      String radius = location.radius() == null ? null : Urls.plain(location.radius());
      if (radius != null) {
        out.append(" \u00b7 \u00b1").append(radius).append(" m");
      }
    } else {
      Html.text(out, location.pos());
    }
    out.append("</span></span>").append(href == null ? "</div>" : "</a>").append(END);
  }

  /** Latitude and longitude from "lat lon", or null when pos does not hold two numbers. */
  private static Double[] point(String pos) {
    if (pos == null) {
      return null;
    }
    String trimmed = pos.trim();
    int space = trimmed.indexOf(' ');
    if (space < 0) {
      return null;
    }
    try {
      return new Double[] {
        Double.parseDouble(trimmed.substring(0, space)),
        Double.parseDouble(trimmed.substring(space + 1).trim())
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The suggestion the user tapped, as their own outgoing bubble. */
  private void response(SuggestionResponse response) {
    SuggestionResponse.Tapped tapped = response.response();
    if (tapped == null) {
      return;
    }
    out.append(OUT).append("<div class=\"omp-bubble omp-response\" dir=\"auto\" data-kind=\"")
        .append(tapped instanceof TappedReply ? "reply" : "action").append('"');
    Html.attr(out, "data-display-text", tapped.displayText());
    Postback postback = tapped.postback();
    Html.attr(out, "data-postback", postback == null ? null : postback.data());
    out.append('>');
    Html.text(out, tapped.displayText());
    out.append(END).append(END);
  }

  /** What the user's phone shared after a requestDeviceSpecifics, as a small outgoing note. */
  private void shared(SharedClientData shared) {
    DeviceSpecifics device =
        shared.sharedData() == null ? null : shared.sharedData().deviceSpecifics();
    out.append(OUT).append("<div class=\"omp-note omp-device\">").append(Icons.DEVICE)
        .append("<span class=\"omp-note-text\" dir=\"auto\">Device details shared");
    if (device != null) {
      String separator = ": ";
      for (String part : new String[] {device.deviceModel(), device.platformVersion(),
          device.clientVendor(), device.clientVersion()}) {
        if (part != null) {
          out.append(separator);
          Html.text(out, part);
          separator = " \u00b7 ";
        }
      }
    }
    out.append("</span>").append(END).append(END);
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
