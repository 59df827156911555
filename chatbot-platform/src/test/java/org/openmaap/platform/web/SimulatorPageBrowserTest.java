package org.openmaap.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.card.BrowserSupport;
import org.openmaap.platform.FakeChatbot;
import org.openmaap.platform.RunningPlatform;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The phone simulator in headless Chromium, chatting with a fake chatbot through the platform. */
class SimulatorPageBrowserTest {

  private static final Path SCREENSHOTS = Path.of("target/screenshots");
  private static final String BOT = "coffee";

  @TempDir
  static Path dataDir;

  private static Vertx vertx;
  private static RunningPlatform platform;
  private static FakeChatbot bot;
  private static String token;
  private static BrowserSupport.Chromium chromium;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() {
    BrowserSupport.requireChromium();
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    bot = FakeChatbot.start(vertx);
    token = platform.token(platform.register(BOT, bot.url()));
    chromium = BrowserSupport.startChromium(1280, 1000);
    browser = chromium.driver();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (platform != null) {
      bot.close();
      platform.close();
      vertx.close().await();
    }
  }

  @AfterEach
  void leavePage() {
    // Closes the page's WebSocket, so each test's phone starts from nothing.
    browser.get("about:blank");
    browser.manage().window().setSize(new Dimension(1280, 1000));
  }

  @Test
  void rcsPhone_sendsText_getsACard_andATappedChipReachesTheBotAsAPostback() throws IOException {
    String phone = "+8613800000101";
    openPhone(phone);
    openChat();

    type("Hello, a coffee please");
    FakeChatbot.Received message = bot.next(from(phone, "message"), Duration.ofSeconds(10));
    assertThat(message.event().getJsonObject("RCSMessage").getString("textMessage"))
        .isEqualTo("Hello, a coffee please");
    await(() -> "Sent".equals(receiptOf(".entry.out")));
    markRead(message.event().getJsonObject("RCSMessage").getString("msgId"));
    await(() -> "Read".equals(receiptOf(".entry.out")));

    String msgId = send(phone, new JsonObject().put("richcardMessage", card()));
    WebElement card = shown(msgId);
    assertThat(card.findElement(By.cssSelector(".omp-title")).getText()).isEqualTo("Flat white");
    assertThat(card.findElement(By.cssSelector("img")).getAttribute("alt"))
        .isEqualTo("A flat white in a blue cup");
    FakeChatbot.Received read = bot.next(event -> isFrom(event, phone, "messageStatus")
        && "displayed".equals(event.getJsonObject("RCSMessage").getString("status")),
        Duration.ofSeconds(10));
    assertThat(read.event().getJsonObject("RCSMessage").getString("msgId")).isEqualTo(msgId);

    card.findElement(By.cssSelector(".omp-sugg[data-postback='order:flat-white']")).click();

    JsonObject tapped = bot.next(from(phone, "response"), Duration.ofSeconds(10)).event()
        .getJsonObject("RCSMessage").getJsonObject("suggestedResponse")
        .getJsonObject("response").getJsonObject("reply");
    assertThat(tapped).isEqualTo(new JsonObject().put("displayText", "Order one")
        .put("postback", new JsonObject().put("data", "order:flat-white")));
    await(() -> texts(".entry.out .omp-bubble").contains("Order one"));
    screenshot("simulator-rcs");
  }

  @Test
  void persistentMenu_showsUnderTheConversation_andATappedEntryReachesTheBot() throws IOException {
    setMenu(new JsonObject().put("menu", new JsonObject().put("entries", new JsonArray()
        .add(reply("Order a coffee", "menu:order"))
        .add(new JsonObject().put("menu", new JsonObject().put("displayText", "Our shops")
            .put("entries", new JsonArray()
                .add(reply("Opening hours", "menu:hours"))
                .add(action("Call the shop", "menu:call", "dialerAction", "dialPhoneNumber",
                    new JsonObject().put("phoneNumber", "+8610086")))))))));
    try {
      String phone = "+8613800000110";
      openPhone(phone);
      openChat();

      await(() -> browser.findElement(By.id("menu")).isDisplayed());
      assertThat(texts("#menu-entries .menu-entry")).containsExactly("Order a coffee",
          "Our shops");
      browser.findElement(By.cssSelector("#menu-entries .submenu")).click();
      await(() -> texts("#menu-entries .menu-entry").contains("Opening hours"));
      assertThat(texts("#menu-entries .menu-entry")).containsExactly("Opening hours",
          "Call the shop");
      browser.findElement(By.cssSelector("#menu-entries [data-postback='menu:hours']")).click();

      JsonObject tapped = bot.next(from(phone, "response"), Duration.ofSeconds(10)).event()
          .getJsonObject("RCSMessage").getJsonObject("suggestedResponse")
          .getJsonObject("response").getJsonObject("reply");
      assertThat(tapped).isEqualTo(new JsonObject().put("displayText", "Opening hours")
          .put("postback", new JsonObject().put("data", "menu:hours")));
      await(() -> texts(".entry.out .omp-bubble").contains("Opening hours"));
      screenshot("simulator-menu");
      browser.findElement(By.cssSelector("#menu-entries [data-postback='menu:call']")).click();
      assertThat(sheetText()).contains("Calling", "+8610086");
      assertThat(tappedAction(phone)).isEqualTo("menu:call");
      closeSheet();
      browser.findElement(By.id("menu-back")).click();
      await(() -> texts("#menu-entries .menu-entry").contains("Order a coffee"));
    } finally {
      assertThat(platform.http.request(HttpMethod.DELETE, "/bot/v1/" + BOT + "/persistentMenu")
          .bearerTokenAuthentication(token).send().await().statusCode()).isEqualTo(204);
    }
  }

  @Test
  void chatWithoutAMenu_showsNoMenu() {
    openPhone("+8613800000111");
    openChat();

    assertThat(browser.findElement(By.id("menu")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("menu-toggle")).isDisplayed()).isFalse();
  }

  @Test
  void chatbotList_showsEachBotsNameAndColour() throws IOException {
    openPhone("+8613800000102");

    WebElement entry = browser.findElement(By.cssSelector("[data-key='rcs:coffee']"));

    assertThat(entry.findElement(By.cssSelector(".name")).getText()).isEqualTo("Bot coffee");
    assertThat(entry.findElement(By.cssSelector(".avatar")).getCssValue("background-color"))
        .isEqualTo("rgba(111, 78, 55, 1)");
    screenshot("simulator-chatbots");
  }

  @Test
  void actions_doWhatTheySay_andTellTheBotTheyWereTapped() throws IOException {
    String phone = "+8613800000103";
    openPhone(phone);
    openChat();
    String msgId = send(phone, new JsonObject().put("textMessage", "How can we help?")
        .put("suggestedChipList", new JsonObject().put("suggestions", new JsonArray()
            .add(action("Call us", "call", "dialerAction", "dialPhoneNumber",
                new JsonObject().put("phoneNumber", "+8610086")))
            .add(action("Our shop", "shop", "mapAction", "showLocation",
                new JsonObject().put("location", new JsonObject().put("latitude", 31.2304)
                    .put("longitude", 121.4737).put("label", "Depot Shanghai"))))
            .add(action("Tasting", "tasting", "calendarAction", "createCalendarEvent",
                new JsonObject().put("startTime", "2030-05-01T10:00:00Z")
                    .put("endTime", "2030-05-01T11:00:00Z").put("title", "Coffee tasting")))
            .add(action("Nearest shop", "where", "mapAction", "requestLocationPush",
                new JsonObject())))));
    WebElement message = shown(msgId);

    // The keyboard is enough: Enter on a focused chip taps it.
    message.findElement(By.cssSelector(".omp-sugg[data-postback='call']")).sendKeys(Keys.ENTER);
    assertThat(sheetText()).contains("Calling", "+8610086");
    assertThat(tappedAction(phone)).isEqualTo("call");
    closeSheet();

    message.findElement(By.cssSelector(".omp-sugg[data-postback='shop']")).click();
    assertThat(sheetText()).contains("Depot Shanghai", "31.2304, 121.4737");
    assertThat(browser.findElement(By.cssSelector("#sheet-body a")).getAttribute("href"))
        .startsWith("https://www.openstreetmap.org/?mlat=31.2304&mlon=121.4737");
    assertThat(tappedAction(phone)).isEqualTo("shop");
    screenshot("simulator-show-location");
    closeSheet();

    message.findElement(By.cssSelector(".omp-sugg[data-postback='tasting']")).click();
    assertThat(sheetText()).contains("New calendar event", "Coffee tasting", "2030");
    assertThat(tappedAction(phone)).isEqualTo("tasting");
    closeSheet();

    message.findElement(By.cssSelector(".omp-sugg[data-postback='where']")).click();
    assertThat(tappedAction(phone)).isEqualTo("where");
    browser.findElement(By.id("sheet-confirm")).click();

    JsonObject location = bot.next(from(phone, "message"), Duration.ofSeconds(10)).event()
        .getJsonObject("RCSMessage").getJsonObject("geolocationPushMessage");
    assertThat(location.getString("pos")).isEqualTo("39.9087 116.3975");
    assertThat(location.getString("label")).isEqualTo("Tiananmen Square, Beijing");
  }

  @Test
  void typingIndicators_goBothWays() {
    String phone = "+8613800000104";
    openPhone(phone);
    openChat();

    send(phone, new JsonObject().put("isTyping", "active"));
    await(() -> !browser.findElements(By.cssSelector("#messages .entry.typing .omp-typing"))
        .isEmpty());
    browser.findElement(By.id("text")).sendKeys("Wai");

    FakeChatbot.Received typing = bot.next(from(phone, "isTyping"), Duration.ofSeconds(10));
    assertThat(typing.event().getJsonObject("RCSMessage").getString("isTyping"))
        .isEqualTo("active");

    send(phone, new JsonObject().put("isTyping", "idle"));
    await(() -> browser.findElements(By.cssSelector("#messages .entry.typing")).isEmpty());
  }

  @Test
  void revokedMessage_disappears() {
    String phone = "+8613800000105";
    openPhone(phone);
    openChat();
    // A phone whose reports got lost: the message stays undelivered, so the bot may revoke it.
    browser.executeScript("const send = WebSocket.prototype.send;"
        + " WebSocket.prototype.send = function (data) {"
        + "   const type = JSON.parse(data).type;"
        + "   if (type !== 'delivered' && type !== 'displayed') { send.call(this, data); } };");
    String msgId = send(phone, new JsonObject().put("textMessage", "Happy hour until 5 pm"));
    shown(msgId);

    int status = putStatus(msgId, "cancelled");

    assertThat(status).isEqualTo(200);
    await(() -> browser.findElements(entry(msgId)).isEmpty());
  }

  @Test
  void smsOnly_closesTheSocketAndLeavesRcs_andRcsComesBack() {
    String phone = "+8613800000108";
    openPhone(phone);
    assertThat(rcsCapable(phone)).isTrue();

    browser.findElement(By.cssSelector("input[name='mode'][value='sms']")).click();
    await(() -> "sms-only".equals(connection()));

    assertThat(rcsCapable(phone)).isFalse();
    assertThat(browser.findElement(By.id("list-title")).getText()).isEqualTo("Messages (SMS)");

    browser.findElement(By.cssSelector("input[name='mode'][value='rcs']")).click();
    await(() -> "connected".equals(connection()));

    assertThat(rcsCapable(phone)).isTrue();
  }

  @Test
  void smsOnlyPhone_getsTheNextBotMessageAsSms_andAnsweringOneReachesTheBot() throws IOException {
    String phone = "+8613800000109";
    openPhone(phone);
    browser.findElement(By.cssSelector("input[name='mode'][value='sms']")).click();
    await(() -> "sms-only".equals(connection()));

    send(phone, new JsonObject().put("textMessage", "What would you like?")
        .put("suggestedChipList", new JsonObject().put("suggestions", new JsonArray()
            .add(reply("Espresso", "order:espresso"))
            .add(reply("Latte", "order:latte")))));
    By thread = By.cssSelector("#conversations .conversation");
    await(() -> !browser.findElements(thread).isEmpty());
    browser.findElement(thread).click();
    await(() -> !browser.findElements(By.cssSelector("#messages .entry.sms")).isEmpty());
    assertThat(browser.findElement(By.cssSelector("#messages .entry.sms")).getText())
        .contains("What would you like?", "1", "Espresso", "2", "Latte");
    screenshot("simulator-sms");

    type("1");

    FakeChatbot.Received answer = bot.next(from(phone, "response"), Duration.ofSeconds(20));
    assertThat(answer.event().getString("channel")).isEqualTo("sms");
    assertThat(answer.event().getJsonObject("RCSMessage").getJsonObject("suggestedResponse")
        .getJsonObject("response").getJsonObject("reply").getJsonObject("postback")
        .getString("data")).isEqualTo("order:espresso");
    await(() -> "Sent as SMS".equals(receiptOf(".entry.out")));
  }

  @Test
  void wrongToken_saysSo() {
    browser.get(page("+8613800000106", "not-the-token"));

    await(() -> "unauthorized".equals(connection()));

    assertThat(browser.findElement(By.id("status")).getText()).contains("token was refused");
  }

  @Test
  void phoneSizedWindow_fitsWithoutSidewaysScrolling() throws IOException {
    browser.manage().window().setSize(new Dimension(390, 844));
    String phone = "+8613800000107";
    openPhone(phone);
    openChat();
    String msgId = send(phone, new JsonObject().put("richcardMessage", card()));
    shown(msgId);

    Object fits = browser.executeScript("return document.documentElement.scrollWidth"
        + " <= document.documentElement.clientWidth;");

    assertThat(fits).isEqualTo(true);
    assertThat(browser.findElement(By.id("text")).isDisplayed()).isTrue();
    screenshot("simulator-phone-sized");
  }

  // ----- the page ------------------------------------------------------------------------------

  private static String page(String phone, String networkToken) {
    return "http://localhost:" + platform.port() + "/simulator#token=" + networkToken
        + "&msisdn=" + phone.replace("+", "%2B");
  }

  private static void openPhone(String phone) {
    browser.get(page(phone, RunningPlatform.NETWORK_TOKEN));
    await(() -> "connected".equals(connection()));
  }

  private static void openChat() {
    browser.findElement(By.cssSelector("[data-key='rcs:" + BOT + "']")).click();
    await(() -> browser.findElement(By.id("text")).isDisplayed());
  }

  private static void type(String text) {
    browser.findElement(By.id("text")).sendKeys(text, Keys.ENTER);
  }

  private static String connection() {
    return (String) browser.executeScript("return document.body.dataset.connection;");
  }

  private static By entry(String msgId) {
    return By.cssSelector("#messages .entry[data-msg-id='" + msgId + "']");
  }

  /** The rendered entry of a bot message, once the page has its HTML. */
  private static WebElement shown(String msgId) {
    By rendered = By.cssSelector("#messages .entry[data-msg-id='" + msgId
        + "'][data-state='shown']");
    await(() -> !browser.findElements(rendered).isEmpty());
    return browser.findElement(rendered);
  }

  private static String receiptOf(String selector) {
    return browser.findElement(By.cssSelector(selector + " .receipt")).getText();
  }

  private static java.util.List<String> texts(String selector) {
    return browser.findElements(By.cssSelector(selector)).stream().map(WebElement::getText)
        .toList();
  }

  private static String sheetText() {
    await(() -> browser.findElement(By.id("sheet")).isDisplayed());
    return browser.findElement(By.id("sheet")).getText();
  }

  private static void closeSheet() {
    browser.findElement(By.id("sheet-close")).click();
    await(() -> !browser.findElement(By.id("sheet")).isDisplayed());
  }

  private static void await(BooleanSupplier condition) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> condition.getAsBoolean());
  }

  private static void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  // ----- the chatbot ---------------------------------------------------------------------------

  /** Sends an RCSMessage from the bot to the phone; answers its msgId. */
  private static String send(String phone, JsonObject rcsMessage) {
    var response = platform.send(BOT, token, new JsonObject()
        .put("messageContact", new JsonObject().put("userContact", phone))
        .put("RCSMessage", rcsMessage));
    assertThat(response.statusCode()).as(response.bodyAsString()).isIn(200, 202);
    return response.bodyAsJsonObject().getJsonObject("RCSMessage").getString("msgId");
  }

  private static void markRead(String msgId) {
    assertThat(putStatus(msgId, "displayed")).isEqualTo(200);
  }

  private static int putStatus(String msgId, String status) {
    return platform.http.request(HttpMethod.PUT, "/bot/v1/" + BOT + "/messages/" + msgId
            + "/status").bearerTokenAuthentication(token)
        .sendJsonObject(new JsonObject().put("RCSMessage", new JsonObject().put("status", status)))
        .await().statusCode();
  }

  private static void setMenu(JsonObject menu) {
    var response = platform.http.request(HttpMethod.PUT, "/bot/v1/" + BOT + "/persistentMenu")
        .bearerTokenAuthentication(token).sendJsonObject(menu).await();
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
  }

  private static boolean rcsCapable(String phone) {
    return platform.http.get("/bot/v1/" + BOT + "/contactCapabilities")
        .addQueryParam("userContact", phone).addQueryParam("refresh", "true")
        .bearerTokenAuthentication(token).send().await().bodyAsJsonObject().getBoolean("rcs");
  }

  private static Predicate<JsonObject> from(String phone, String type) {
    return event -> isFrom(event, phone, type);
  }

  private static boolean isFrom(JsonObject event, String phone, String type) {
    return type.equals(event.getString("event"))
        && phone.equals(event.getJsonObject("messageContact").getString("userContact"));
  }

  private static String tappedAction(String phone) {
    return bot.next(from(phone, "response"), Duration.ofSeconds(10)).event()
        .getJsonObject("RCSMessage").getJsonObject("suggestedResponse")
        .getJsonObject("response").getJsonObject("action").getJsonObject("postback")
        .getString("data");
  }

  private static JsonObject card() {
    return new JsonObject().put("message", new JsonObject().put("generalPurposeCard",
        new JsonObject()
            .put("layout", new JsonObject().put("cardOrientation", "VERTICAL"))
            .put("content", new JsonObject()
                .put("media", new JsonObject()
                    .put("mediaUrl", "https://cdn.example.com/flat-white.jpg")
                    .put("mediaContentType", "image/jpeg")
                    .put("mediaFileSize", 52_000)
                    .put("height", "MEDIUM_HEIGHT")
                    .put("contentDescription", "A flat white in a blue cup"))
                .put("title", "Flat white")
                .put("description", "Double ristretto, steamed milk. 28 yuan.")
                .put("suggestions", new JsonArray()
                    .add(new JsonObject().put("reply", new JsonObject()
                        .put("displayText", "Order one")
                        .put("postback", new JsonObject().put("data", "order:flat-white"))))))));
  }

  private static JsonObject reply(String displayText, String postback) {
    return new JsonObject().put("reply", new JsonObject().put("displayText", displayText)
        .put("postback", new JsonObject().put("data", postback)));
  }

  private static JsonObject action(String displayText, String postback, String group,
      String variant, JsonObject fields) {
    return new JsonObject().put("action", new JsonObject()
        .put(group, new JsonObject().put(variant, fields))
        .put("displayText", displayText)
        .put("postback", new JsonObject().put("data", postback)));
  }
}
