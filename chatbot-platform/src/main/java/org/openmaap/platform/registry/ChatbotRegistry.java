package org.openmaap.platform.registry;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.openmaap.card.validation.Violation;
import org.openmaap.platform.failure.Conflict;
import org.openmaap.platform.failure.Invalid;
import org.openmaap.platform.failure.NotFound;
import org.openmaap.platform.order.InTurn;
import org.openmaap.platform.store.ChatbotRow;
import org.openmaap.platform.store.Store;
import org.openmaap.platform.store.StoreConflict;

/**
 * The registered chatbots: kept in memory for every request, written through to the store, and
 * read again when another node says it changed one ({@link #refresh}). Client secrets are stored
 * as hashes; webhook secrets in clear, since they sign every event.
 */
public final class ChatbotRegistry {

  private final Store store;
  private final Clock clock;
  private final Duration secretGracePeriod;
  private final Map<String, ChatbotRow> rows = new ConcurrentHashMap<>();
  // Each row's profile read once, not at every message that needs its chatbot.
  private final Map<String, Chatbot> profiles = new ConcurrentHashMap<>();
  // A chatbot's changes and rotations, one at a time.
  private final InTurn changes = new InTurn();
  private final Map<String, String> botIdByClientId = new ConcurrentHashMap<>();
  private volatile Consumer<String> changed = botId -> {};

  private ChatbotRegistry(Store store, Clock clock, Duration secretGracePeriod) {
    this.store = store;
    this.clock = clock;
    this.secretGracePeriod = secretGracePeriod;
  }

  /** The registry with every chatbot the store holds. */
  public static Future<ChatbotRegistry> load(Store store, Clock clock, Duration secretGracePeriod) {
    ChatbotRegistry registry = new ChatbotRegistry(store, clock, secretGracePeriod);
    return store.chatbots().map(all -> {
      all.forEach(registry::remember);
      return registry;
    });
  }

  /**
   * Adds a listener that hears of every chatbot this node registers, changes, rotates or deletes
   * (to tell other nodes, to verify a dialect's notify URL).
   */
  public synchronized void onChange(Consumer<String> listener) {
    this.changed = changed.andThen(listener);
  }

  /** Records that the chatbot's notify URL {@code url} passed its dialect's verification. */
  public Future<Chatbot> notifyVerified(String botId, String url) {
    return change(botId, profile -> profile.put(Chatbot.NOTIFY_VERIFIED_URL, url));
  }

  /** Reads the chatbot again: another node registered, changed, rotated or deleted it. */
  public Future<Void> refresh(String botId) {
    return store.chatbot(botId).map(found -> {
      found.ifPresentOrElse(this::remember, () -> forget(botId));
      return null;
    });
  }

  /** Reads every chatbot again: changes other nodes made may have gone unheard. */
  public Future<Void> refreshAll() {
    return store.chatbots().map(all -> {
      Map<String, ChatbotRow> now = new HashMap<>();
      all.forEach(row -> now.put(row.botId(), row));
      List.copyOf(rows.keySet()).stream().filter(botId -> !now.containsKey(botId))
          .forEach(this::forget);
      all.forEach(this::remember);
      return null;
    });
  }

  /** Registers a chatbot from an admin request body; fails with Invalid or Conflict. */
  public Future<Registration> register(JsonObject body) {
    List<Violation> violations = ProfileRules.forCreate(body);
    if (!violations.isEmpty()) {
      return Future.failedFuture(new Invalid("invalid_chatbot",
          "the chatbot registration has " + violations.size() + " problem(s)", violations));
    }
    String botId = body.getString("botId");
    if (rows.containsKey(botId)) {
      return Future.failedFuture(new Conflict("a chatbot with botId '" + botId
          + "' already exists"));
    }
    JsonObject profile = ProfileRules.asStored(body);
    profile.remove("botId");
    String clientSecret = Secrets.newSecret();
    String webhookSecret = Secrets.newSecret();
    ChatbotRow row = new ChatbotRow(botId, profile.encode(), "client-" + botId + "-"
        + Secrets.newSecret().substring(0, 8), Secrets.hash(clientSecret), webhookSecret, null,
        null, 0, clock.instant());
    return store.insertChatbot(row)
        .recover(e -> Future.failedFuture(e instanceof StoreConflict
            ? new Conflict("a chatbot with botId '" + botId + "' already exists") : e))
        .map(v -> {
          Chatbot registered = remember(row);
          changed.accept(botId);
          return new Registration(registered, clientSecret, webhookSecret);
        });
  }

  /** The chatbot with this id, if registered. */
  public Optional<Chatbot> find(String botId) {
    return Optional.ofNullable(profiles.get(botId));
  }

  /** The chatbot with this id; NotFound when there is none. */
  public Chatbot require(String botId) {
    return find(botId).orElseThrow(() -> new NotFound("no chatbot '" + botId + "'"));
  }

  /** Every chatbot, by botId. */
  public List<Chatbot> all() {
    List<Chatbot> all = new ArrayList<>(profiles.values());
    all.sort(Comparator.comparing(Chatbot::botId));
    return all;
  }

  /**
   * Applies a PATCH of profile members (null removes an optional one); fails with Invalid or
   * NotFound.
   */
  public Future<Chatbot> update(String botId, JsonObject patch) {
    if (!rows.containsKey(botId)) {
      return Future.failedFuture(new NotFound("no chatbot '" + botId + "'"));
    }
    List<Violation> violations = ProfileRules.forUpdate(patch);
    if (!violations.isEmpty()) {
      return Future.failedFuture(new Invalid("invalid_chatbot",
          "the chatbot update has " + violations.size() + " problem(s)", violations));
    }
    JsonObject stored = ProfileRules.asStored(patch);
    return change(botId, profile -> {
      patch.fieldNames().stream().filter(name -> !stored.containsKey(name))
          .forEach(profile::remove);
      return profile.mergeIn(stored);
    });
  }

  /**
   * Sets the chatbot's persistent menu, {@code {"menu": {"entries": [...]}}}; fails with Invalid
   * (violations under {@code /}) or NotFound.
   */
  public Future<Chatbot> setPersistentMenu(String botId, JsonObject menu) {
    if (!rows.containsKey(botId)) {
      return Future.failedFuture(new NotFound("no chatbot '" + botId + "'"));
    }
    List<Violation> violations = ProfileRules.menuViolations(menu, "");
    if (!violations.isEmpty()) {
      return Future.failedFuture(new Invalid("invalid_menu",
          "the persistent menu has " + violations.size() + " problem(s); see violations",
          violations));
    }
    JsonObject stored = ProfileRules.asStored(new JsonObject().put("persistentMenu", menu));
    return change(botId, profile -> profile.mergeIn(stored));
  }

  /** Removes the chatbot's persistent menu, if it has one; fails with NotFound. */
  public Future<Chatbot> clearPersistentMenu(String botId) {
    return change(botId, profile -> {
      profile.remove("persistentMenu");
      return profile;
    });
  }

  /** Stores the changed profile, then tells the other nodes. */
  private Future<Chatbot> change(String botId, UnaryOperator<JsonObject> edit) {
    // Each change reads the row the one before it wrote: two at once would lose one's edit.
    return changes.run(botId, () -> changeNow(botId, edit));
  }

  private Future<Chatbot> changeNow(String botId, UnaryOperator<JsonObject> edit) {
    ChatbotRow row = rows.get(botId);
    if (row == null) {
      return Future.failedFuture(new NotFound("no chatbot '" + botId + "'"));
    }
    JsonObject profile = edit.apply(new JsonObject(row.profileJson()));
    ChatbotRow updated = new ChatbotRow(botId, profile.encode(), row.clientId(),
        row.clientSecretHash(), row.webhookSecret(), row.previousWebhookSecret(),
        row.previousWebhookSecretUntil(), row.tokenGeneration(), row.createdAt());
    return store.updateChatbot(updated).map(v -> {
      Chatbot changedTo = remember(updated);
      changed.accept(botId);
      return changedTo;
    });
  }

  /** Deletes a chatbot; its tokens stop working at once. */
  public Future<Void> delete(String botId) {
    ChatbotRow row = rows.get(botId);
    if (row == null) {
      return Future.failedFuture(new NotFound("no chatbot '" + botId + "'"));
    }
    return store.deleteChatbot(botId).map(deleted -> {
      forget(botId);
      changed.accept(botId);
      return null;
    });
  }

  /**
   * New client and webhook secrets; tokens of the old client secret are revoked, and the old
   * webhook secret keeps signing beside the new one for the grace period.
   */
  public Future<Registration> rotate(String botId) {
    return changes.run(botId, () -> rotateNow(botId));
  }

  private Future<Registration> rotateNow(String botId) {
    ChatbotRow row = rows.get(botId);
    if (row == null) {
      return Future.failedFuture(new NotFound("no chatbot '" + botId + "'"));
    }
    String clientSecret = Secrets.newSecret();
    String webhookSecret = Secrets.newSecret();
    ChatbotRow rotated = new ChatbotRow(botId, row.profileJson(), row.clientId(),
        Secrets.hash(clientSecret), webhookSecret, row.webhookSecret(),
        clock.instant().plus(secretGracePeriod), row.tokenGeneration() + 1, row.createdAt());
    return store.updateChatbot(rotated).map(v -> {
      Chatbot rotatedTo = remember(rotated);
      changed.accept(botId);
      return new Registration(rotatedTo, clientSecret, webhookSecret);
    });
  }

  /** The bot whose client credentials these are, with its token generation; empty if wrong. */
  public Optional<Client> authenticate(String clientId, String clientSecret) {
    String botId = botIdByClientId.get(clientId);
    ChatbotRow row = botId == null ? null : rows.get(botId);
    if (row == null) {
      // Hash anyway, so an unknown client id costs as long as a wrong secret.
      Secrets.matchesHash(clientSecret, Secrets.hash("unknown"));
      return Optional.empty();
    }
    return Secrets.matchesHash(clientSecret, row.clientSecretHash())
        ? Optional.of(new Client(botId, row.tokenGeneration()))
        : Optional.empty();
  }

  /**
   * The bot whose client id this is, if {@code digest} is the lowercase or uppercase hex
   * SHA-256 of the hex SHA-256 of its client secret followed by {@code salt} (China Mobile's
   * Basic digest, DIALECTS.md); checked in constant time, without the stored hash leaving here.
   */
  public Optional<Client> authenticateDigest(String clientId, String salt, String digest) {
    String botId = clientId == null ? null : botIdByClientId.get(clientId);
    ChatbotRow row = botId == null ? null : rows.get(botId);
    // Hash anyway, so an unknown client id costs as long as a wrong digest.
    String expected = Secrets.hash((row == null ? Secrets.hash("unknown")
        : row.clientSecretHash()) + salt);
    boolean matches = digest != null && Secrets.sameSecret(
        digest.toLowerCase(Locale.ROOT), expected);
    return row != null && matches
        ? Optional.of(new Client(botId, row.tokenGeneration()))
        : Optional.empty();
  }

  /** Whether tokens of this generation are still valid for the bot (not rotated, not deleted). */
  public boolean tokenGenerationValid(String botId, long generation) {
    ChatbotRow row = rows.get(botId);
    return row != null && row.tokenGeneration() == generation;
  }

  /** The secrets that sign the bot's webhooks now: the current one, then the previous in grace. */
  public List<String> webhookSecrets(String botId) {
    ChatbotRow row = rows.get(botId);
    if (row == null) {
      return List.of();
    }
    Instant until = row.previousWebhookSecretUntil();
    return row.previousWebhookSecret() != null && until != null && clock.instant().isBefore(until)
        ? List.of(row.webhookSecret(), row.previousWebhookSecret())
        : List.of(row.webhookSecret());
  }

  /** An authenticated client: its bot and the token generation its tokens carry. */
  public record Client(String botId, long tokenGeneration) {}

  /** Keeps the row, and its profile read; answers that. */
  private Chatbot remember(ChatbotRow row) {
    Chatbot chatbot = chatbot(row);
    profiles.put(row.botId(), chatbot);
    ChatbotRow before = rows.put(row.botId(), row);
    if (before != null && !before.clientId().equals(row.clientId())) {
      botIdByClientId.remove(before.clientId(), row.botId());
    }
    botIdByClientId.put(row.clientId(), row.botId());
    return chatbot;
  }

  private void forget(String botId) {
    ChatbotRow row = rows.remove(botId);
    profiles.remove(botId);
    if (row != null) {
      botIdByClientId.remove(row.clientId(), botId);
    }
  }

  private static Chatbot chatbot(ChatbotRow row) {
    return Chatbot.fromProfile(row.botId(), new JsonObject(row.profileJson()), row.clientId(),
        row.createdAt());
  }
}
