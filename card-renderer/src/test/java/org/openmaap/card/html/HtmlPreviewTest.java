package org.openmaap.card.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmaap.card.html.Samples.action;
import static org.openmaap.card.html.Samples.card;
import static org.openmaap.card.html.Samples.content;
import static org.openmaap.card.html.Samples.reply;

import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmaap.card.Fixtures;
import org.openmaap.card.model.ActionVariant;
import org.openmaap.card.model.ActionVariant.Location;
import org.openmaap.card.model.CardLayout;
import org.openmaap.card.model.CardLayout.CardOrientation;
import org.openmaap.card.model.CardLayout.ImageAlignment;
import org.openmaap.card.model.CarouselLayout.CardWidth;
import org.openmaap.card.model.Document;
import org.openmaap.card.model.FileMessage;
import org.openmaap.card.model.FontStyle;
import org.openmaap.card.model.GeolocationPushMessage;
import org.openmaap.card.model.Media.MediaHeight;
import org.openmaap.card.model.RcsMessage;
import org.openmaap.card.model.RcsMessage.TypingState;
import org.openmaap.card.model.SendRequest;
import org.openmaap.card.model.SharedClientData;
import org.openmaap.card.model.SuggestionResponse;
import org.openmaap.card.validation.Validator;

/** The markup's structure: what each model construct becomes, read back with an HTML parser. */
class HtmlPreviewTest {

  static Stream<String> validCards() {
    return Fixtures.VALID_CARDS.stream();
  }

  private static Document fixture(String name) {
    return Validator.validate(Fixtures.bytes("cards/valid/" + name)).document();
  }

  /** The one root element of a fragment. */
  private static Element root(String html) {
    Elements roots = Jsoup.parseBodyFragment(html).body().children();
    assertThat(roots).hasSize(1);
    assertThat(roots.first().tagName()).isEqualTo("div");
    assertThat(roots.first().classNames()).contains("omp-preview");
    return roots.first();
  }

  private static List<String> texts(Element root, String selector) {
    return root.select(selector).eachText();
  }

  @ParameterizedTest
  @MethodSource("validCards")
  void render_validFixture_showsEveryTitleDescriptionAndButtonText(String name) {
    Document document = fixture(name);

    Element root = root(HtmlPreview.render(document));

    Shown shown = Shown.of(document);
    assertThat(texts(root, ".omp-title")).containsExactlyElementsOf(shown.titles());
    assertThat(texts(root, ".omp-description")).containsExactlyElementsOf(shown.descriptions());
    assertThat(texts(root, ".omp-sugg > .omp-label")).containsExactlyElementsOf(shown.labels());
  }

  @ParameterizedTest
  @MethodSource("validCards")
  void render_validFixture_everySuggestionCarriesKindLabelAndPostback(String name) {
    Element root = root(HtmlPreview.render(fixture(name)));

    for (Element suggestion : root.select(".omp-sugg")) {
      assertThat(suggestion.attr("data-kind")).isNotEmpty();
      assertThat(suggestion.attr("data-postback")).isNotEmpty();
      assertThat(suggestion.attr("data-display-text"))
          .isEqualTo(suggestion.selectFirst(".omp-label").text());
    }
  }

  @Test
  void render_sendRequest_isTheSameAsItsRcsMessage() {
    SendRequest request = (SendRequest) fixture("text-with-chips.json");

    assertThat(HtmlPreview.render(request)).isEqualTo(HtmlPreview.render(request.rcsMessage()));
  }

  @Test
  void render_horizontalLeftFixture_putsMediaFirstOnTheLeft() {
    Element card = root(HtmlPreview.render(fixture("single-card.json"))).selectFirst(".omp-card");

    assertThat(card.classNames()).contains("omp-horizontal", "omp-media-left");
    assertThat(card.attr("data-orientation")).isEqualTo("HORIZONTAL");
    assertThat(card.attr("data-image-alignment")).isEqualTo("LEFT");
    assertThat(card.child(0).classNames()).contains("omp-media", "omp-image");
    assertThat(card.selectFirst(".omp-media img").attr("src"))
        .isEqualTo("https://cdn.example.com/latte.jpg");
    assertThat(card.selectFirst(".omp-media img").attr("alt")).isEqualTo("A latte with leaf art");
  }

  @Test
  void render_horizontalRight_marksMediaRight() {
    CardLayout right = new CardLayout(CardOrientation.HORIZONTAL, ImageAlignment.RIGHT, null,
        null, null);

    Element card = root(HtmlPreview.render(
        card(right, content(Samples.image(MediaHeight.SHORT_HEIGHT), "T", null))))
        .selectFirst(".omp-card");

    assertThat(card.classNames()).contains("omp-horizontal", "omp-media-right")
        .doesNotContain("omp-media-left");
    assertThat(card.attr("data-image-alignment")).isEqualTo("RIGHT");
  }

  @Test
  void render_vertical_hasNoAlignment() {
    Element card = root(HtmlPreview.render(card(Samples.vertical(),
        content(Samples.image(MediaHeight.SHORT_HEIGHT), "T", null)))).selectFirst(".omp-card");

    assertThat(card.classNames()).contains("omp-vertical").doesNotContain("omp-horizontal");
    assertThat(card.hasAttr("data-image-alignment")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(MediaHeight.class)
  void render_mediaHeight_becomesItsOwnClass(MediaHeight height) {
    Element media = root(HtmlPreview.render(card(Samples.vertical(),
        content(Samples.image(height), "T", null)))).selectFirst(".omp-media");

    String expected = "omp-height-" + height.name().replace("_HEIGHT", "").toLowerCase();
    assertThat(media.classNames()).contains(expected);
    assertThat(media.attr("data-height")).isEqualTo(height.name());
  }

  @Test
  void stylesheet_mediaHeights_areThreeDistinctPixelHeights() {
    String css = HtmlPreview.stylesheet();

    List<String> heights = Stream.of("short", "medium", "tall")
        .map(h -> Css.declaration(css, ".omp-height-" + h, "--omp-media-height"))
        .toList();

    assertThat(heights).doesNotContainNull().allMatch(h -> h.endsWith("px"))
        .doesNotHaveDuplicates();
  }

  @Test
  void render_carouselFixture_isAMediumWidthRowOfThreeCards() {
    Element carousel = root(HtmlPreview.render(fixture("carousel.json")))
        .selectFirst(".omp-carousel");

    assertThat(carousel.classNames()).contains("omp-width-medium");
    assertThat(carousel.attr("data-card-width")).isEqualTo("MEDIUM_WIDTH");
    assertThat(carousel.children()).hasSize(3)
        .allSatisfy(c -> assertThat(c.classNames()).contains("omp-card", "omp-vertical"));
  }

  @Test
  void render_carouselWithoutWidth_isSmallWidth() {
    Element carousel = root(HtmlPreview.render(Samples.carousel(null,
        content(null, "A", null), content(null, "B", null)))).selectFirst(".omp-carousel");

    assertThat(carousel.classNames()).contains("omp-width-small");
    assertThat(carousel.attr("data-card-width")).isEqualTo("SMALL_WIDTH");
  }

  @Test
  void stylesheet_carousel_scrollsSidewaysWithTwoDistinctCardWidths() {
    String css = HtmlPreview.stylesheet();

    assertThat(Css.declaration(css, ".omp-carousel", "overflow-x")).isEqualTo("auto");
    assertThat(Css.declaration(css, ".omp-carousel", "scroll-snap-type")).startsWith("x");
    assertThat(Css.declaration(css, ".omp-chips", "overflow-x")).isEqualTo("auto");
    String small = Css.declaration(css, ".omp-width-small > .omp-card", "width");
    String medium = Css.declaration(css, ".omp-width-medium > .omp-card", "width");
    assertThat(small).endsWith("px");
    assertThat(medium).endsWith("px").isNotEqualTo(small);
  }

  @Test
  void render_fontStyles_becomeClassesOnTitleAndDescription() {
    CardLayout layout = Samples.styled(List.of(FontStyle.BOLD, FontStyle.UNDERLINE),
        List.of(FontStyle.ITALICS));

    Element root = root(HtmlPreview.render(card(layout, content(null, "T", "D"))));

    assertThat(root.selectFirst(".omp-title").classNames())
        .contains("omp-bold", "omp-underline").doesNotContain("omp-italics");
    assertThat(root.selectFirst(".omp-description").classNames())
        .contains("omp-italics").doesNotContain("omp-bold", "omp-underline");
  }

  @Test
  void render_singleCardFixture_boldTitleOnly() {
    Element root = root(HtmlPreview.render(fixture("single-card.json")));

    assertThat(root.selectFirst(".omp-title").classNames()).contains("omp-bold");
    assertThat(root.selectFirst(".omp-description").classNames()).containsExactly(
        "omp-description");
  }

  @Test
  void render_videoWithThumbnail_showsThePosterWithAPlayBadge() {
    Element media = root(HtmlPreview.render(card(Samples.vertical(),
        content(Samples.video("https://cdn.example.com/poster.jpg"), "T", null))))
        .selectFirst(".omp-media");

    assertThat(media.classNames()).contains("omp-video");
    assertThat(media.attr("href")).isEqualTo("https://cdn.example.com/clip.mp4");
    assertThat(media.selectFirst("img").attr("src"))
        .isEqualTo("https://cdn.example.com/poster.jpg");
    assertThat(media.select(".omp-play svg")).hasSize(1);
  }

  @Test
  void render_videoWithoutThumbnail_showsANeutralPoster() {
    Element media = root(HtmlPreview.render(card(Samples.vertical(),
        content(Samples.video(null), "T", null)))).selectFirst(".omp-media");

    assertThat(media.select("img")).isEmpty();
    assertThat(media.select(".omp-poster-blank")).hasSize(1);
    assertThat(media.select(".omp-play")).hasSize(1);
  }

  @Test
  void render_layoutStyle_isNeverLinkedOrFetched() {
    CardLayout layout = new CardLayout(CardOrientation.VERTICAL, null, null, null,
        "https://style.example.com/theme.css");

    String html = HtmlPreview.render(card(layout, content(null, "T", null)));

    assertThat(html).doesNotContain("style.example.com");
    assertThat(root(html).select("link, style, [style]")).isEmpty();
  }

  @Test
  void render_textWithChipsFixture_bubbleThenAChipRowWithLinks() {
    Element root = root(HtmlPreview.render(fixture("text-with-chips.json")));

    assertThat(root.child(0).classNames()).contains("omp-msg", "omp-in");
    assertThat(root.selectFirst(".omp-bubble").text())
        .isEqualTo("Your parcel 4711 is out for delivery today.");
    assertThat(root.child(1).classNames()).contains("omp-chips");
    Elements chips = root.child(1).children();
    assertThat(chips).extracting(Element::tagName).containsExactly("button", "a", "a");
    assertThat(chips).extracting(e -> e.attr("data-kind"))
        .containsExactly("reply", "showLocation", "dialPhoneNumber");
    assertThat(chips).allSatisfy(c -> assertThat(c.classNames()).contains("omp-sugg", "omp-chip"));
    assertThat(chips.get(0).attr("data-postback")).isEqualTo("track:4711");
    assertThat(chips.get(1).attr("href")).isEqualTo("geo:31.2304,121.4737");
    assertThat(chips.get(1).selectFirst(".omp-place").text()).isEqualTo("Depot Shanghai");
    assertThat(chips.get(1).attr("data-label")).isEqualTo("Depot Shanghai");
    assertThat(chips.get(2).attr("href")).isEqualTo("tel:+8610086");
  }

  @Test
  void render_singleCardFixture_eachActionGetsItsLinkOrButtonAndIcon() {
    Elements buttons = root(HtmlPreview.render(fixture("single-card.json")))
        .select(".omp-card-suggestions > .omp-sugg");

    assertThat(buttons).extracting(e -> e.attr("data-kind"))
        .containsExactly("reply", "openUrl", "createCalendarEvent", "requestLocationPush");
    assertThat(buttons).extracting(Element::tagName).containsExactly("button", "a", "button",
        "button");
    assertThat(buttons.get(1).attr("href")).isEqualTo("https://shop.example.com/menu");
    assertThat(buttons.get(1).attr("rel")).contains("noopener");
    assertThat(buttons.get(1).attr("data-view-mode")).isEqualTo("half");
    assertThat(buttons.get(2).hasAttr("href")).isFalse();
    assertThat(buttons.get(2).attr("data-start-time")).isEqualTo("2026-12-01T08:00:00Z");
    assertThat(buttons.get(0).select("svg")).isEmpty();
    assertThat(buttons.subList(1, 4)).allSatisfy(b -> assertThat(b.select("svg")).hasSize(1));
  }

  @Test
  void render_eachActionKind_hasADistinctKindAndTheRightTarget() {
    Element root = root(HtmlPreview.render(Samples.rich(card(Samples.vertical(),
        content(null, "T", null,
            action(new ActionVariant.ComposeTextMessage("+8613800000001", "Can I change?"),
                "Ask", "a"),
            action(new ActionVariant.DialVideoCall("+4930123456", null), "Video", "v"),
            action(new ActionVariant.ShowLocation(new Location(null, null, null, "coffee"),
                "https://maps.example.com/?q=coffee"), "Map", "m"),
            action(new ActionVariant.ShowLocation(new Location(null, null, null, "tea & cake"),
                null), "Tea", "t"))),
        action(new ActionVariant.DialEnrichedCall("+4930123456", "Order 7", null), "Call", "c"),
        action(new ActionVariant.ComposeRecordingMessage("+4930123456",
            ActionVariant.ComposeRecordingMessage.RecordingType.VIDEO), "Record", "r"),
        action(new ActionVariant.RequestDeviceSpecifics(), "Device", "d"),
        action(new ActionVariant.DisableAnonymization(), "Number", "n"),
        action(new ActionVariant.EnableDisplayedNotifications(), "Receipts", "e"))));

    Elements all = root.select(".omp-sugg");

    assertThat(all).extracting(e -> e.attr("data-kind")).containsExactly(
        "composeTextMessage", "dialVideoCall", "showLocation", "showLocation", "dialEnrichedCall",
        "composeRecordingMessage", "requestDeviceSpecifics", "disableAnonymization",
        "enableDisplayedNotifications");
    assertThat(all).extracting(e -> e.attr("href")).containsExactly(
        "sms:+8613800000001?body=Can%20I%20change%3F", "tel:+4930123456",
        "https://maps.example.com/?q=coffee", "geo:0,0?q=tea%20%26%20cake", "tel:+4930123456",
        "", "", "", "");
    assertThat(all.get(4).attr("data-subject")).isEqualTo("Order 7");
    assertThat(all.get(5).attr("data-recording-type")).isEqualTo("VIDEO");
  }

  @Test
  void render_everyActionKind_hasOneIconOfItsOwn() {
    Element root = root(HtmlPreview.render(Samples.text("Pick one",
        action(new ActionVariant.OpenUrl("https://example.com", null, null, null), "1", "1"),
        action(new ActionVariant.DialPhoneNumber("+4930123456", null), "2", "2"),
        action(new ActionVariant.DialVideoCall("+4930123456", null), "3", "3"),
        action(new ActionVariant.DialEnrichedCall("+4930123456", null, null), "4", "4"),
        action(new ActionVariant.ShowLocation(new Location(1.0, 2.0, null, null), null), "5", "5"),
        action(new ActionVariant.RequestLocationPush(), "6", "6"),
        action(new ActionVariant.CreateCalendarEvent("2026-01-01T00:00:00Z",
            "2026-01-01T01:00:00Z", "t", null, null), "7", "7"),
        action(new ActionVariant.ComposeTextMessage("+4930123456", "hi"), "8", "8"),
        action(new ActionVariant.ComposeRecordingMessage("+4930123456", null), "9", "9"),
        action(new ActionVariant.RequestDeviceSpecifics(), "10", "10"),
        action(new ActionVariant.DisableAnonymization(), "11", "11"),
        action(new ActionVariant.EnableDisplayedNotifications(), "12", "12"))));

    Elements chips = root.select(".omp-chip");

    assertThat(chips).hasSize(12)
        .allSatisfy(b -> assertThat(b.select("svg.omp-icon")).hasSize(1));
    assertThat(chips).extracting(b -> b.attr("data-kind")).doesNotHaveDuplicates();
    assertThat(chips).extracting(b -> b.selectFirst("svg").html()).doesNotHaveDuplicates();
  }

  @Test
  void render_geolocationFixture_isAPinWithLabelCoordsAndGeoLink() {
    Element location = root(HtmlPreview.render(fixture("geolocation.json")))
        .selectFirst(".omp-location");

    assertThat(location.tagName()).isEqualTo("a");
    assertThat(location.attr("href")).isEqualTo("geo:31.2304,121.4737;u=10");
    assertThat(location.select(".omp-pin svg")).hasSize(1);
    assertThat(location.selectFirst(".omp-location-label").text()).isEqualTo("Meet here");
    assertThat(location.selectFirst(".omp-coords").text())
        .isEqualTo("31.2304, 121.4737 \u00b7 \u00b110 m");
    assertThat(location.select("img, iframe")).isEmpty();
  }

  @Test
  void render_unparseablePos_showsItWithoutALink() {
    Element location = root(HtmlPreview.render(Samples.location(
        new GeolocationPushMessage("north pole", null, null, null, null))))
        .selectFirst(".omp-location");

    assertThat(location.tagName()).isEqualTo("div");
    assertThat(location.selectFirst(".omp-location-label").text()).isEqualTo("Shared location");
    assertThat(location.selectFirst(".omp-coords").text()).isEqualTo("north pole");
  }

  @Test
  void render_fileFixture_isATileWithNameTypeAndSize() {
    Element file = root(HtmlPreview.render(fixture("file.json"))).selectFirst(".omp-file");

    assertThat(file.attr("href")).isEqualTo("https://cdn.example.com/boarding-pass.pdf");
    assertThat(file.attr("data-mime-type")).isEqualTo("application/pdf");
    assertThat(file.attr("data-size")).isEqualTo("88213");
    assertThat(file.selectFirst(".omp-file-name").text()).isEqualTo("boarding-pass.pdf");
    assertThat(file.selectFirst(".omp-file-meta").text()).isEqualTo("PDF \u00b7 88 kB");
  }

  @Test
  void render_fileWithThumbnailAndNoName_showsThumbnailAndFallbackName() {
    Element file = root(HtmlPreview.render(Samples.file(new FileMessage(
        "https://cdn.example.com/x", null, "image/png", 2_400_000L,
        "https://cdn.example.com/x-thumb.png", "image/png", 5000L)))).selectFirst(".omp-file");

    assertThat(file.selectFirst("img.omp-file-thumb").attr("src"))
        .isEqualTo("https://cdn.example.com/x-thumb.png");
    assertThat(file.selectFirst(".omp-file-name").text()).isEqualTo("File");
    assertThat(file.selectFirst(".omp-file-meta").text()).isEqualTo("PNG \u00b7 2.4 MB");
  }

  @Test
  void render_audioMessage_isATileWithDuration() {
    Element audio = root(HtmlPreview.render(Samples.audio(75L))).selectFirst(".omp-file");

    assertThat(audio.classNames()).contains("omp-audio-file");
    assertThat(audio.selectFirst(".omp-file-meta").text())
        .isEqualTo("1:15 \u00b7 M4A \u00b7 120 kB");
  }

  @Test
  void render_typingActive_isThreeDots() {
    Element root = root(HtmlPreview.render(Samples.typing(TypingState.ACTIVE)));

    assertThat(root.select(".omp-in .omp-typing > .omp-dot")).hasSize(3);
  }

  @Test
  void render_typingIdle_isAnEmptyRoot() {
    Element root = root(HtmlPreview.render(Samples.typing(TypingState.IDLE)));

    assertThat(root.children()).isEmpty();
    assertThat(root.text()).isEmpty();
  }

  @Test
  void render_suggestionResponse_isTheUsersOutgoingBubble() {
    SuggestionResponse response = SuggestionResponse.to(reply("Order one", "order:latte"));

    Element root = root(HtmlPreview.render(response));

    Element bubble = root.selectFirst(".omp-msg.omp-out > .omp-bubble.omp-response");
    assertThat(bubble.text()).isEqualTo("Order one");
    assertThat(bubble.attr("data-postback")).isEqualTo("order:latte");
    assertThat(bubble.attr("data-kind")).isEqualTo("reply");
    assertThat(root.select(".omp-in")).isEmpty();
  }

  @Test
  void render_sharedClientData_isAnOutgoingNote() {
    SharedClientData shared = new SharedClientData(new SharedClientData.SharedData(
        new SharedClientData.DeviceSpecifics("Pixel 9", "Android 15", null, null, 90L)));

    Element root = root(HtmlPreview.render(shared));

    assertThat(root.selectFirst(".omp-out .omp-note").text())
        .isEqualTo("Device details shared: Pixel 9 \u00b7 Android 15");
  }

  @Test
  void render_chipListDocument_isAChipRowOnly() {
    Element root = root(HtmlPreview.render(new org.openmaap.card.model.SuggestedChipList(
        List.of(reply("Yes", "y"), reply("No", "n")))));

    assertThat(root.children()).hasSize(1);
    assertThat(root.select(".omp-chips > .omp-chip")).extracting(Element::text)
        .containsExactly("Yes", "No");
  }

  @Test
  void render_emptyMessage_isAnEmptyRoot() {
    assertThat(root(HtmlPreview.render(RcsMessage.text(null))).children()).isEmpty();
  }

  @Test
  void render_userText_sitsInDirAutoElements() {
    Element root = root(HtmlPreview.render(Samples.rich(Samples.carousel(CardWidth.SMALL_WIDTH,
        content(null, "A", "a", reply("x", "x")), content(null, "B", "b")))));

    assertThat(root.select(".omp-title, .omp-description, .omp-label"))
        .allSatisfy(e -> assertThat(e.attr("dir")).isEqualTo("auto"));
  }

  @Test
  void stylesheet_calledTwice_isTheSameLoadedString() {
    assertThat(HtmlPreview.stylesheet()).isSameAs(HtmlPreview.stylesheet())
        .contains(".omp-preview");
  }
}
