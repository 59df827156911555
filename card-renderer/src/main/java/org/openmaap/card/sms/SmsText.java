package org.openmaap.card.sms;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.openmaap.card.model.Action;
import org.openmaap.card.model.ActionVariant;
import org.openmaap.card.model.ActionVariant.ComposeTextMessage;
import org.openmaap.card.model.ActionVariant.CreateCalendarEvent;
import org.openmaap.card.model.ActionVariant.DialerAction;
import org.openmaap.card.model.ActionVariant.Location;
import org.openmaap.card.model.ActionVariant.OpenUrl;
import org.openmaap.card.model.ActionVariant.RequestLocationPush;
import org.openmaap.card.model.ActionVariant.ShowLocation;
import org.openmaap.card.model.AudioMessage;
import org.openmaap.card.model.Botmessage;
import org.openmaap.card.model.CardContent;
import org.openmaap.card.model.CardMessage;
import org.openmaap.card.model.Document;
import org.openmaap.card.model.FileMessage;
import org.openmaap.card.model.GeolocationPushMessage;
import org.openmaap.card.model.Media;
import org.openmaap.card.model.RcsMessage;
import org.openmaap.card.model.Reply;
import org.openmaap.card.model.SendRequest;
import org.openmaap.card.model.SuggestedChipList;
import org.openmaap.card.model.Suggestion;

/** Renders rich content as the plain SMS a phone without RCS gets (CARDS.md, SMS rendering). */
public final class SmsText {

  static final String ELLIPSIS = "...";
  static final String REPLY_PROMPT = "Reply with a number.";

  private SmsText() {}

  /** The fallback SMS of a send request, bare botmessage or chip list. */
  public static SmsRendering render(Document document, SmsOptions options) {
    if (document instanceof SendRequest request) {
      return render(request.rcsMessage(), options);
    }
    Draft draft = new Draft(options);
    if (document instanceof Botmessage botmessage) {
      draft.card(botmessage.message());
    } else if (document instanceof SuggestedChipList chips) {
      draft.suggestions(chips.suggestions());
    } else {
      throw new IllegalArgumentException(
          "a " + document.getClass().getSimpleName() + " is not sent to users, so it has no SMS");
    }
    return draft.render();
  }

  /** The fallback SMS of an RCSMessage's content and chips. */
  public static SmsRendering render(RcsMessage message, SmsOptions options) {
    Draft draft = new Draft(options);
    if (message.textMessage() != null) {
      draft.content(new Line("", message.textMessage(), Line.TEXT));
    } else if (message.richcardMessage() != null) {
      draft.card(message.richcardMessage().message());
    } else if (message.fileMessage() != null) {
      FileMessage file = message.fileMessage();
      draft.content(Line.fixed(orDefault(file.fileName(), "File") + ": " + file.fileUrl()));
    } else if (message.audioMessage() != null) {
      AudioMessage audio = message.audioMessage();
      draft.content(Line.fixed(orDefault(audio.fileName(), "File") + ": " + audio.fileUrl()));
    } else if (message.geolocationPushMessage() != null) {
      GeolocationPushMessage location = message.geolocationPushMessage();
      draft.content(Line.fixed(orDefault(location.label(), "Location") + ": "
          + draft.mapLink(location.latitude(), location.longitude())));
    } else {
      throw new IllegalArgumentException(
          "only text, rich cards, files, audio and locations fall back to SMS");
    }
    draft.suggestions(message.chips());
    return draft.render();
  }

  /** Folds typographic punctuation to its GSM equivalent (’ ‘ “ ” – — … and no-break space). */
  public static String fold(String text) {
    StringBuilder folded = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = switch (c) {
        case '\u2018', '\u2019' -> "'";
        case '\u201C', '\u201D' -> "\"";
        case '\u2013', '\u2014' -> "-";
        case '\u2026' -> ELLIPSIS;
        case '\u00A0' -> " ";
        default -> null;
      };
      if (replacement != null && folded == null) {
        folded = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (folded != null) {
        if (replacement != null) {
          folded.append(replacement);
        } else {
          folded.append(c);
        }
      }
    }
    return folded == null ? text : folded.toString();
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }

  /** One line of the SMS: a fixed head, and a body that may be shortened when its tier is. */
  record Line(String head, String body, int tier) {

    static final int FIXED = 0;
    static final int DESCRIPTION = 1;
    static final int TEXT = 2;

    static Line fixed(String text) {
      return new Line(text, "", FIXED);
    }

    /** The line with its body cut to {@code limit} code points when its tier is being shortened. */
    String render(int shortenedTier, int limit) {
      if (tier != shortenedTier || limit == Integer.MAX_VALUE) {
        return head + body;
      }
      return head + cut(body, limit);
    }

    String text() {
      return head + body;
    }
  }

  /** The body cut to at most {@code limit} code points plus "...", at a grapheme boundary. */
  static String cut(String body, int limit) {
    if (body.codePointCount(0, body.length()) <= limit) {
      return body;
    }
    if (limit <= 0) {
      return ELLIPSIS;
    }
    int end = 0;
    int codePoints = 0;
    while (end < body.length()) {
      int next = Graphemes.clusterEnd(body, end);
      codePoints += body.codePointCount(end, next);
      if (codePoints > limit) {
        break;
      }
      end = next;
    }
    return body.substring(0, end).stripTrailing() + ELLIPSIS;
  }

  /** Collects the lines and choices of one message, then fits them to the budget. */
  private static final class Draft {

    private final SmsOptions options;
    private final List<Line> content = new ArrayList<>();
    private final List<Line> actions = new ArrayList<>();
    private final List<SmsChoice> choices = new ArrayList<>();

    Draft(SmsOptions options) {
      this.options = options;
    }

    void content(Line line) {
      content.add(line);
    }

    void card(CardMessage message) {
      if (message.generalPurposeCard() != null) {
        CardContent card = message.generalPurposeCard().content();
        if (card.title() != null) {
          content.add(Line.fixed(card.title()));
        }
        if (card.description() != null) {
          content.add(new Line("", card.description(), Line.DESCRIPTION));
        }
        if (card.media() != null) {
          content.add(Line.fixed(mediaLine(card.media())));
        }
        suggestions(card.suggestionsOrEmpty());
        return;
      }
      List<CardContent> cards = message.generalPurposeCardCarousel().content();
      for (int i = 0; i < cards.size(); i++) {
        content.add(carouselLine(i + 1, cards.get(i)));
      }
      for (CardContent card : cards) {
        suggestions(card.suggestionsOrEmpty());
      }
    }

    private static Line carouselLine(int number, CardContent card) {
      String head = number + ". ";
      if (card.title() != null && card.description() != null) {
        return new Line(head + card.title() + " - ", card.description(), Line.DESCRIPTION);
      } else if (card.title() != null) {
        return Line.fixed(head + card.title());
      } else if (card.description() != null) {
        return new Line(head, card.description(), Line.DESCRIPTION);
      }
      return Line.fixed(head + mediaLine(card.media()));
    }

    private static String mediaLine(Media media) {
      return orDefault(media.contentDescription(), "Media") + ": " + media.mediaUrl();
    }

    void suggestions(List<Suggestion> suggestions) {
      for (Suggestion suggestion : suggestions) {
        if (suggestion instanceof Reply) {
          choose(suggestion);
        } else if (suggestion instanceof Action action) {
          action(action);
        }
      }
    }

    private void choose(Suggestion suggestion) {
      choices.add(new SmsChoice(choices.size() + 1, suggestion));
    }

    private void action(Action action) {
      ActionVariant variant = action.variant();
      if (variant instanceof RequestLocationPush) {
        choose(action);
        return;
      }
      String target = target(variant);
      if (target != null) {
        actions.add(Line.fixed(action.displayText() + ": " + target));
      }
    }

    /** What an SMS reader can use of an action, or null when nothing (device, settings...). */
    private String target(ActionVariant variant) {
      if (variant instanceof OpenUrl openUrl) {
        return openUrl.url();
      } else if (variant instanceof DialerAction dial) {
        return dial.phoneNumber();
      } else if (variant instanceof ShowLocation show) {
        return show.fallbackUrl() != null ? show.fallbackUrl() : mapLink(show.location());
      } else if (variant instanceof CreateCalendarEvent event) {
        return event.title() + ", " + timeRange(event.startTime(), event.endTime());
      } else if (variant instanceof ComposeTextMessage compose) {
        return "send \"" + compose.text() + "\" to " + compose.phoneNumber();
      }
      return null;
    }

    private String mapLink(Location location) {
      if (location.query() != null) {
        return options.mapSearchTemplate().replace("{query}",
            URLEncoder.encode(location.query(), StandardCharsets.UTF_8).replace("+", "%20"));
      }
      return mapLink(location.latitude(), location.longitude());
    }

    String mapLink(double latitude, double longitude) {
      return options.mapLinkTemplate()
          .replace("{lat}", BigDecimal.valueOf(latitude).toPlainString())
          .replace("{lon}", BigDecimal.valueOf(longitude).toPlainString());
    }

    SmsRendering render() {
      List<Line> lines = new ArrayList<>(content);
      lines.addAll(actions);
      for (SmsChoice choice : choices) {
        lines.add(Line.fixed(choice.number() + ") " + choice.displayText()));
      }
      if (!choices.isEmpty()) {
        lines.add(Line.fixed(REPLY_PROMPT));
      }
      if (options.signature() != null && !options.signature().isBlank()) {
        lines.add(Line.fixed(options.signature().strip()));
      }
      List<Line> folded = lines.stream()
          .map(line -> new Line(fold(line.head()), fold(line.body()), line.tier()))
          .toList();
      return fit(folded);
    }

    /** Shortens descriptions, then text, each as little as possible, until the budget holds. */
    private SmsRendering fit(List<Line> lines) {
      String text = join(lines, Line.FIXED, Integer.MAX_VALUE);
      Segmentation segmentation = SmsSegments.split(text);
      boolean shortened = false;
      for (int tier = Line.DESCRIPTION; tier <= Line.TEXT; tier++) {
        if (segmentation.count() <= options.segmentBudget()) {
          break;
        }
        int longest = longestBody(lines, tier);
        if (longest == 0) {
          continue;
        }
        int limit = largestFittingLimit(lines, tier, longest);
        // Past every cut of this tier the next one is tried with this tier at its shortest.
        int applied = Math.max(limit, 0);
        List<Line> cutLines = new ArrayList<>(lines.size());
        for (Line line : lines) {
          cutLines.add(line.tier() == tier ? new Line(line.head(), cut(line.body(), applied),
              Line.FIXED) : line);
        }
        lines = cutLines;
        text = join(lines, Line.FIXED, Integer.MAX_VALUE);
        segmentation = SmsSegments.split(text);
        shortened = true;
      }
      return new SmsRendering(text, choices, segmentation, shortened,
          segmentation.count() > options.segmentBudget());
    }

    /** The largest limit (code points) that fits the budget, or -1 when none does. */
    private int largestFittingLimit(List<Line> lines, int tier, int longest) {
      int low = 0;
      int high = longest - 1;
      int best = -1;
      while (low <= high) {
        int middle = (low + high) >>> 1;
        if (SmsSegments.split(join(lines, tier, middle)).count() <= options.segmentBudget()) {
          best = middle;
          low = middle + 1;
        } else {
          high = middle - 1;
        }
      }
      return best;
    }

    private static int longestBody(List<Line> lines, int tier) {
      int longest = 0;
      for (Line line : lines) {
        if (line.tier() == tier) {
          longest = Math.max(longest, line.body().codePointCount(0, line.body().length()));
        }
      }
      return longest;
    }

    private static String join(List<Line> lines, int tier, int limit) {
      StringBuilder text = new StringBuilder();
      for (Line line : lines) {
        if (!text.isEmpty()) {
          text.append('\n');
        }
        text.append(line.render(tier, limit));
      }
      return text.toString();
    }
  }

  private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  /** "2026-12-01 08:00-08:30 UTC", or "... 08:00 - 2026-12-02 09:00 UTC" across days. */
  static String timeRange(String start, String end) {
    OffsetDateTime from = OffsetDateTime.parse(start);
    OffsetDateTime to = OffsetDateTime.parse(end).withOffsetSameInstant(from.getOffset());
    String zone = from.getOffset().equals(ZoneOffset.UTC) ? "UTC" : "UTC" + from.getOffset();
    boolean sameDay = from.toLocalDate().equals(to.toLocalDate());
    return from.format(DAY_AND_TIME) + (sameDay ? "-" + to.format(TIME)
        : " - " + to.format(DAY_AND_TIME)) + " " + zone;
  }
}
