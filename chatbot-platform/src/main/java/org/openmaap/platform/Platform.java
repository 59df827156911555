package org.openmaap.platform;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.logging.Logger;
import org.openmaap.card.model.RcsMessage.TypingState;
import org.openmaap.card.model.SendRequest;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Validator;
import org.openmaap.platform.admin.ChatbotAdmin;
import org.openmaap.platform.admin.DeadLetterAdmin;
import org.openmaap.platform.admin.HealthHandler;
import org.openmaap.platform.admin.MetricsEndpoint;
import org.openmaap.platform.botinfo.BotInfoEndpoint;
import org.openmaap.platform.campaign.CampaignApi;
import org.openmaap.platform.campaign.CampaignSender;
import org.openmaap.platform.campaign.Campaigns;
import org.openmaap.platform.cluster.ClusterSignals;
import org.openmaap.platform.cluster.Nodes;
import org.openmaap.platform.content.FileDownloads;
import org.openmaap.platform.content.FileLibrary;
import org.openmaap.platform.content.FileUrls;
import org.openmaap.platform.content.FilesApi;
import org.openmaap.platform.content.ThumbnailLinks;
import org.openmaap.platform.delivery.BotEvent;
import org.openmaap.platform.delivery.Capabilities;
import org.openmaap.platform.delivery.DeliveryMetrics;
import org.openmaap.platform.delivery.EventSink;
import org.openmaap.platform.delivery.Inbound;
import org.openmaap.platform.delivery.MediaLinks;
import org.openmaap.platform.delivery.Online;
import org.openmaap.platform.delivery.OtherNodes;
import org.openmaap.platform.delivery.Outbound;
import org.openmaap.platform.dialect.GroupSends;
import org.openmaap.platform.dialect.cmcc.CmccApi;
import org.openmaap.platform.dialect.cmcc.CmccAuth;
import org.openmaap.platform.dialect.cmcc.CmccFiles;
import org.openmaap.platform.dialect.cmcc.CmccNotifications;
import org.openmaap.platform.dialect.ctcu.CtcuApi;
import org.openmaap.platform.dialect.ctcu.CtcuAuth;
import org.openmaap.platform.dialect.ctcu.CtcuChatbotInfo;
import org.openmaap.platform.dialect.ctcu.CtcuMedia;
import org.openmaap.platform.dialect.ctcu.CtcuNotifications;
import org.openmaap.platform.dialect.ctcu.NotifyVerification;
import org.openmaap.platform.fallback.SmsAnswers;
import org.openmaap.platform.fallback.SmsFallback;
import org.openmaap.platform.fallback.StoredMoParts;
import org.openmaap.platform.insights.Insights;
import org.openmaap.platform.insights.InsightsApi;
import org.openmaap.platform.maap.BotAuth;
import org.openmaap.platform.maap.ChatIds;
import org.openmaap.platform.maap.ChatbotApi;
import org.openmaap.platform.maap.PersistentMenuApi;
import org.openmaap.platform.maap.RateLimits;
import org.openmaap.platform.maap.TokenEndpoint;
import org.openmaap.platform.network.DeviceGateway;
import org.openmaap.platform.network.Provisioning;
import org.openmaap.platform.network.SmsInbox;
import org.openmaap.platform.registry.Chatbot;
import org.openmaap.platform.registry.ChatbotRegistry;
import org.openmaap.platform.registry.TokenService;
import org.openmaap.platform.sip.SipInterface;
import org.openmaap.platform.sms.EmbeddedSmsc;
import org.openmaap.platform.sms.SmppSettings;
import org.openmaap.platform.sms.SmsGateway;
import org.openmaap.platform.store.EventRow;
import org.openmaap.platform.store.PostgresStore;
import org.openmaap.platform.store.SqliteStore;
import org.openmaap.platform.store.Store;
import org.openmaap.platform.store.WorkRow;
import org.openmaap.platform.web.PreviewApi;
import org.openmaap.platform.web.SimulatorApi;
import org.openmaap.platform.web.WebTools;
import org.openmaap.platform.webhook.EventFormat;
import org.openmaap.platform.webhook.WebhookDispatcher;
import org.openmaap.platform.webhook.WebhookSettings;
import org.openmaap.platform.webhook.WebhookTargets;
import org.openmaap.platform.work.Worker;

/** The running platform: the store, the domain services and the HTTP server, wired once. */
public final class Platform {

  private static final Logger LOG = Logger.getLogger(Platform.class.getName());
  /** Enough for a person typing in the preview; a script hammering it gets 429. */
  private static final int PREVIEW_RENDERS_PER_SECOND = 20;
  /**
   * The name this process's work claims carry. The embedded store has one process, so the name is
   * fixed: a restarted process takes back what it held before a crash at once.
   */

  private final Vertx vertx;
  private final Store store;
  private final WebhookDispatcher dispatcher;
  private final Worker worker;
  private final Sms sms;
  private final FileLibrary files;
  private final String deploymentId;
  private final HttpVerticle http;
  private final Nodes nodes;
  private final SipInterface sip;

  private Platform(Vertx vertx, Store store, WebhookDispatcher dispatcher, Worker worker,
      Sms sms, FileLibrary files, String deploymentId, HttpVerticle http, Nodes nodes,
      SipInterface sip) {
    this.vertx = vertx;
    this.nodes = nodes;
    this.sip = sip;
    this.store = store;
    this.dispatcher = dispatcher;
    this.worker = worker;
    this.sms = sms;
    this.files = files;
    this.deploymentId = deploymentId;
    this.http = http;
  }

  /**
   * The SMS side as started: the in-JVM SMSC (null unless embedded), the gateway to it or to the
   * external one (null when SMS is off; bound by {@link #bind}), and where the gateway's callbacks
   * go once wired.
   */
  private record Sms(EmbeddedSmsc smsc, SmsGateway gateway, SmsFallback[] fallback,
      SmsAnswers[] answers) {

    static Future<Sms> start(Vertx vertx, SmsConfig config, Store store, Clock clock,
        IntSupplier nodes) {
      SmsFallback[] fallback = new SmsFallback[1];
      SmsAnswers[] answers = new SmsAnswers[1];
      SmsGateway.Listener listener = new SmsGateway.Listener() {
        @Override
        public void onReceipt(String smscMessageId, String stat, String err) {
          fallback[0].receipt(smscMessageId, stat, err);
        }

        @Override
        public void onMessage(String from, String to, String text) {
          answers[0].message(from, to, text);
        }
      };
      return switch (config.mode()) {
        case OFF -> Future.succeededFuture(new Sms(null, null, fallback, answers));
        case EXTERNAL -> {
          SmsGateway gateway = new SmsGateway(vertx, config.smpp(), listener,
              new StoredMoParts(store), clock, nodes);
          yield Future.succeededFuture(new Sms(null, gateway, fallback, answers));
        }
        case EMBEDDED -> {
          EmbeddedSmsc smsc = new EmbeddedSmsc(vertx, EmbeddedSmsc.Settings.defaults());
          yield smsc.start().compose(v -> {
            SmppSettings bound = config.smpp().withServer("127.0.0.1", smsc.port())
                .withCredentials(SmppSettings.DEFAULT_SYSTEM_ID, SmppSettings.DEFAULT_PASSWORD);
            SmsGateway gateway = new SmsGateway(vertx, bound, listener,
                new StoredMoParts(store), clock, nodes);
            return Future.succeededFuture(new Sms(smsc, gateway, fallback, answers));
          });
        }
      };
    }

    /**
     * Binds to the SMSC; only once the callbacks are wired, since an SMS taken before would reach
     * nobody (and, noted as seen, never come again).
     */
    Future<Void> bind() {
      return gateway == null ? Future.succeededFuture() : gateway.start();
    }

    Future<Void> stop() {
      Future<Void> unbound = gateway == null ? Future.succeededFuture() : gateway.stop();
      return unbound.eventually(() -> smsc == null ? Future.succeededFuture() : smsc.stop());
    }
  }

  /** Opens the store in the data dir, resumes pending work, and starts serving. */
  public static Future<Platform> start(Vertx vertx, PlatformConfig config, Clock clock) {
    if (config.adminToken() == null || config.networkToken() == null) {
      return Future.failedFuture(new IllegalArgumentException(
          "the admin and network tokens must be set before the platform starts"));
    }
    // Decided once: on PostgreSQL, an unnamed node gets a new name at each start.
    String node = config.store().nodeIdOrNew();
    return openStore(vertx, config, node).compose(store ->
        ChatbotRegistry.load(store, clock, config.secretGracePeriod())
            .compose(registry -> keys(store).compose(keys -> {
              Nodes nodes = new Nodes(vertx, store, node,
                  config.store().postgresql() ? "postgresql" : "sqlite", clock);
              return Sms.start(vertx, config.sms(), store, clock, nodes::alive)
                  // A failed start answers only once the SMS side it started has stopped.
                  .compose(sms -> wire(vertx, config, clock, store, registry, keys, nodes, sms)
                      .recover(e -> sms.stop().transform(stopped -> Future.failedFuture(e))));
            }))
            .onFailure(e -> store.close()));
  }

  /** The embedded SQLite file in the data dir, or the PostgreSQL database configured. */
  private static Future<? extends Store> openStore(Vertx vertx, PlatformConfig config,
      String node) {
    StoreConfig store = config.store();
    return store.postgresql()
        ? PostgresStore.open(vertx, store.database(), new PostgresStore.Options(store.poolSize(),
            PostgresStore.Options.DEFAULTS.connectTimeout(), node))
        : SqliteStore.open(vertx, config.dataDir());
  }

  private static Future<Keys> keys(Store store) {
    return secret(store, "chat_id").compose(chatId -> secret(store, "token_key")
        .map(tokenKey -> new Keys(new ChatIds(chatId), tokenKey)));
  }

  /** The platform's secrets, made once by the store's schema: FNW.11 chatIds, token signing. */
  private record Keys(ChatIds chatIds, String tokenKey) {}

  private static Future<String> secret(Store store, String name) {
    return store.platformSecret(name).map(secret -> secret.orElseThrow(() ->
        new IllegalStateException("the store has no " + name + " secret; its schema is "
            + "incomplete")));
  }

  private static Future<Platform> wire(Vertx vertx, PlatformConfig config, Clock clock,
      Store store, ChatbotRegistry registry, Keys keys, Nodes nodes, Sms sms) {
    ChatIds chatIds = keys.chatIds();
    String node = nodes.node();
    ClusterSignals signals = new ClusterSignals(store, node);
    // The embedded store has one node: nobody to tell, so nothing is encoded or sent.
    boolean cluster = config.store().postgresql();
    Online online = new Online(cluster ? signals : OtherNodes.NONE);
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Every series names its node, so a cluster's metrics can be told apart and summed.
    meters.config().commonTags("node", node);
    DeliveryMetrics metrics = new DeliveryMetrics(meters);
    Outbound[] outbound = new Outbound[1];
    NotifyVerification verification = new NotifyVerification(vertx, registry, config.domain(),
        clock, config.webhookTimeout());
    registry.onChange(verification::changed);
    WebhookTargets targets = botId -> Future.succeededFuture(registry.find(botId)
        .map(chatbot -> new WebhookTargets.Target(chatbot.webhookUrl(),
            registry.webhookSecrets(botId),
            eventFormat(chatbot, config, verification))));
    WebhookDispatcher[] webhooks = new WebhookDispatcher[1];
    CampaignSender[] campaignSender = new CampaignSender[1];
    Worker worker = new Worker(vertx, store, node, clock, Worker.Settings.defaults()
            .withLease(config.store().lease())
            .withMaxInFlightPerBot(WorkRow.Kind.EVENT, config.webhookMaxInFlightPerBot()),
        Map.of(WorkRow.Kind.MESSAGE, work -> outbound[0].step(work),
            WorkRow.Kind.EVENT, work -> webhooks[0].attempt(work),
            WorkRow.Kind.CAMPAIGN, work -> campaignSender[0].run(work)));
    WebhookDispatcher dispatcher = new WebhookDispatcher(vertx, store, targets,
        (botId, eventId, sent, body) -> syncReply(outbound[0], botId, eventId, sent, body),
        new WebhookSettings(config.webhookTimeout(), config.webhookFirstRetry(),
            config.webhookMaxDelay(), config.webhookRetryWindow(),
            config.webhookMaxInFlightPerBot()),
        clock, new Random(), worker, chatIds::of);
    webhooks[0] = dispatcher;
    EventSink events = new DispatcherSink(dispatcher);
    FileUrls fileUrls = new FileUrls(config.files().publicUrl());
    FileLibrary files = new FileLibrary(vertx, store, events, config.files(), fileUrls,
        config.dataDir(), clock);
    MediaLinks links = new ThumbnailLinks(files, fileUrls);
    Inbound inbound = new Inbound(store, registry, online, events, clock, metrics, links);
    SmsConfig smsConfig = config.sms();
    if (sms.gateway() != null) {
      sms.fallback()[0] = new SmsFallback(vertx, store, registry, sms.gateway(),
          sms.gateway().sourceAddress(), events, clock, smsConfig.fallback(), metrics);
      sms.answers()[0] = new SmsAnswers(store, registry, inbound, sms.gateway(), clock, meters);
    }
    SipInterface[] sip = new SipInterface[1];
    Capabilities capabilities = new Capabilities(store, online, SipInterface.phones(() -> sip[0]),
        clock, config.capabilityTtl(), config.negativeCapabilityTtl(), Ticker.systemTicker());
    outbound[0] = new Outbound(vertx, store, registry, online, capabilities, events, clock,
        config.storeTtl(), metrics, sms.fallback()[0], smsConfig.fallback().timeout(),
        smsConfig.fallback().revokeWait(), links, worker);
    Campaigns campaigns = new Campaigns(store, registry, worker, events, clock,
        config.defaultRateLimitPerSecond());
    campaignSender[0] = new CampaignSender(store, outbound[0], campaigns, clock);
    TokenService tokens = new TokenService(registry, config.tokenTtl(), clock, keys.tokenKey());
    CtcuAuth ctcuAuth = new CtcuAuth(registry, tokens, config.domain());
    GroupSends groupSends = new GroupSends(outbound[0], events, clock);
    FilesApi filesApi = new FilesApi(files, config.files());
    FileDownloads downloads = new FileDownloads(files);
    CmccAuth cmccAuth = new CmccAuth(registry, clock);
    Surfaces surfaces = new Surfaces(
        new TokenEndpoint(tokens),
        new BotAuth(tokens),
        new RateLimits(registry, config.defaultRateLimitPerSecond(), System::nanoTime,
            nodes::alive),
        new ChatbotApi(outbound[0], inbound, capabilities, chatIds),
        new PersistentMenuApi(registry),
        TokenAuth.admin(config.adminToken()),
        new ChatbotAdmin(registry, config.domain()),
        new DeadLetterAdmin(store, dispatcher, registry),
        new HealthHandler(store, online, smsConfig.mode().name().toLowerCase(Locale.ROOT),
            sms.gateway() == null ? () -> false : sms.gateway()::isBound, nodes),
        new MetricsEndpoint(meters, dispatcher.counters(), online),
        TokenAuth.network(config.networkToken()),
        new DeviceGateway(outbound[0], inbound),
        new Provisioning(store, capabilities, clock),
        sms.smsc() == null ? null : new SmsInbox(sms.smsc()),
        new PreviewApi(PREVIEW_RENDERS_PER_SECOND, System::nanoTime),
        new SimulatorApi(registry),
        new WebTools(),
        filesApi,
        downloads,
        new BotInfoEndpoint(registry, config.domain()),
        ctcuAuth,
        new CtcuApi(ctcuAuth, tokens, groupSends, clock),
        new CtcuMedia(ctcuAuth, filesApi, downloads),
        new CtcuChatbotInfo(ctcuAuth, registry, config.domain()),
        verification,
        cmccAuth,
        new CmccApi(cmccAuth, groupSends, clock, config.maxBodyBytes()),
        new CmccFiles(cmccAuth, filesApi),
        new CampaignApi(campaigns),
        new InsightsApi(new Insights(store, registry), clock));
    if (cluster) {
      registry.onChange(signals::chatbotChanged);
      signals.start(new FromOtherNodes(registry, outbound[0], online, capabilities));
    }
    HttpVerticle[] first = new HttpVerticle[1];
    return sms.bind()
        .compose(v -> nodes.start())
        .compose(v -> worker.start())
        .compose(v -> files.start())
        .compose(v -> !config.sip().enabled() ? Future.succeededFuture()
            : SipInterface.start(vertx, config.sip(), config.domain(), new SipInterface.Core(
                registry, outbound[0], inbound, store, capabilities), clock)
                .map(opened -> sip[0] = opened))
        .compose(v -> vertx.deployVerticle(() -> {
          HttpVerticle verticle = new HttpVerticle(config, surfaces);
          if (first[0] == null) {
            first[0] = verticle;
          }
          return verticle;
        }, new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors())))
        .map(id -> {
          fileUrls.listening(first[0].actualPort());
          return new Platform(vertx, store, dispatcher, worker, sms, files, id, first[0],
              nodes, sip[0]);
        })
        // A failed start leaves no SIP port open.
        .recover(e -> sip[0] == null ? Future.failedFuture(e)
            : sip[0].stop().transform(stopped -> Future.failedFuture(e)));
  }

  /** What other nodes ask of this one goes to its registry, deliveries and links. */
  private record FromOtherNodes(ChatbotRegistry registry, Outbound outbound, Online online,
      Capabilities capabilities) implements ClusterSignals.Receiver {

    @Override
    public void chatbotChanged(String botId) {
      registry.refresh(botId);
    }

    @Override
    public void signalsLost() {
      registry.refreshAll();
    }

    @Override
    public void waiting(String msisdn) {
      outbound.replayWaiting(msisdn);
    }

    @Override
    public void revoke(String msisdn, String botId, String msgId) {
      online.revokeHere(msisdn, botId, msgId);
    }

    @Override
    public void typing(String msisdn, String botId, TypingState state) {
      online.typingHere(msisdn, botId, state);
    }

    @Override
    public void displayed(String msisdn, String botId, String msgId) {
      online.displayedHere(msisdn, botId, msgId);
    }

    @Override
    public void capabilitiesChanged(String msisdn) {
      capabilities.forgetHere(msisdn);
    }
  }

  /** How a chatbot's events are told to it: null for API.md's webhooks, else its dialect's. */
  private static EventFormat eventFormat(Chatbot chatbot, PlatformConfig config,
      NotifyVerification verification) {
    return switch (chatbot.dialect()) {
      case CTCU -> new CtcuNotifications(chatbot, config.domain(), verification);
      case CMCC -> new CmccNotifications(chatbot.serviceUri(config.domain()), chatbot.clientId(),
          config.files().defaultUntil(), Chatbot.JSON.equals(chatbot.notifyFormat()));
      case GSMA -> null;
    };
  }

  /** Events of the delivery domain go to the webhook dispatcher. */
  private record DispatcherSink(WebhookDispatcher dispatcher) implements EventSink {

    @Override
    public Future<?> publish(String botId, String conversationId, BotEvent event) {
      return dispatcher.enqueue(botId, conversationId, event);
    }

    @Override
    public Future<Boolean> publishWith(String botId, String conversationId, BotEvent event,
        Function<EventRow, Future<Optional<EventRow>>> storeWith) {
      return dispatcher.enqueue(botId, conversationId, event, storeWith)
          .map(Optional::isPresent);
    }
  }

  /**
   * A 2xx webhook answer carrying an RCSMessage goes to the same user as a new message, as read
   * (its null members absent).
   */
  private static void syncReply(Outbound outbound, String botId, String eventId,
      JsonObject sent, JsonObject body) {
    JsonObject rcs = body.getJsonObject("RCSMessage").copy();
    if (rcs.getValue("inReplyToContributionId") == null && rcs.getValue("isTyping") == null
        && sent.containsKey("contributionId")) {
      rcs.put("inReplyToContributionId", sent.getString("contributionId"));
    }
    JsonObject contact = sent.getJsonObject("messageContact");
    JsonObject asSent = new JsonObject()
        .put("messageContact", new JsonObject().put("userContact", contact == null ? null
            : contact.getString("userContact")))
        .put("RCSMessage", rcs);
    Validation validation = Validator.validate(asSent.encode());
    if (!validation.valid()) {
      LOG.warning(() -> "chatbot " + botId + " answered event " + eventId
          + " with an invalid message; dropped: " + validation.errors());
      return;
    }
    if (validation.document() instanceof SendRequest typing
        && typing.rcsMessage().isTyping() != null) {
      outbound.typing(botId, typing.messageContact().userContact(),
          typing.rcsMessage().isTyping());
      return;
    }
    outbound.send(botId, new JsonObject(validation.tree().toString())).onFailure(e ->
        LOG.warning(() -> "chatbot " + botId + ": synchronous reply to " + eventId + " failed: "
            + e.getMessage()));
  }

  /** The in-JVM SMSC when the platform runs its own (tests, the demo), else empty. */
  public Optional<EmbeddedSmsc> embeddedSmsc() {
    return Optional.ofNullable(sms.smsc());
  }

  /** The port the SIP interface listens on (UDP and TCP), when it is on. */
  public Optional<Integer> sipPort() {
    return Optional.ofNullable(sip).map(SipInterface::port);
  }

  /** The port the HTTP server listens on. */
  public int port() {
    return http.actualPort();
  }

  /** The routes the HTTP server serves (every instance serves the same table). */
  List<Route> routes() {
    return http.routes();
  }

  /** Stops serving and sweeping, lets in-flight webhooks finish, flushes and closes the store. */
  public Future<Void> stop() {
    nodes.stop();
    Future<Void> sipStopped = sip == null ? Future.succeededFuture() : sip.stop();
    return sipStopped.eventually(() -> vertx.undeploy(deploymentId))
        .eventually(files::stop)
        .eventually(worker::stop)
        .eventually(sms::stop)
        .eventually(dispatcher::stop)
        .eventually(store::close);
  }
}
