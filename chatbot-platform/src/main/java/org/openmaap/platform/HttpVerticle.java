package org.openmaap.platform;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.HEAD;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;
import org.openmaap.platform.campaign.CampaignApi;
import org.openmaap.platform.dialect.cmcc.CmccAuth;
import org.openmaap.platform.dialect.cmcc.CmccErrors;
import org.openmaap.platform.dialect.ctcu.CtcuAuth;
import org.openmaap.platform.dialect.ctcu.CtcuErrors;

/** The one HTTP server: every surface of API.md, routed from this table. */
final class HttpVerticle extends VerticleBase {

  /** A CT/CU chatbot's root: {@code /bot/v1/sip:bot@domain}, the URI raw or percent-encoded. */
  private static final String CTCU = "/bot/v1/(?<" + CtcuAuth.CHATBOT_URI
      + ">[sS][iI][pP][:%][^/]+)";

  /** A CMCC chatbot's requests, under a root below: OMA's {senderAddress} is its chatbot URI. */
  private static final String CMCC = "/outbound/(?<" + CmccAuth.SENDER_ADDRESS
      + ">[sS][iI][pP][:%][^/]+)/requests";
  private static final String CMCC_CONTENT = "/Content";
  private static final List<String> CMCC_ROOTS = List.of("/messaging/v1", "/messaging/group/v1");

  /** A campaign's root, before the {@code :action} that moves it. */
  private static final String CAMPAIGN =
      "/bot/v1/(?<botId>[^/]+)/campaigns/(?<campaignId>[^/:]+)";
  /** The same campaign, steered by the operator. */
  private static final String ADMIN_CAMPAIGN =
      "/admin/v1/chatbots/(?<botId>[^/]+)/campaigns/(?<campaignId>[^/:]+)";

  private final PlatformConfig config;
  private final Surfaces s;
  private HttpServer server;
  private Router router;

  HttpVerticle(PlatformConfig config, Surfaces surfaces) {
    this.config = config;
    this.s = surfaces;
  }

  @Override
  public Future<?> start() {
    router = Router.router(vertx);
    router.get("/admin/v1/health").respond(s.health()::health);
    router.get("/metrics").handler(s.metrics()::scrape);
    // Uploads stream to disk (or, a campaign's recipients, to the store) as they arrive: they come
    // before the body handler would buffer them.
    router.post("/bot/v1/:botId/files").handler(s.botAuth()).handler(s.rateLimits())
        .respond(s.files()::upload);
    router.postWithRegex(CAMPAIGN + "/recipients").handler(s.botAuth()).handler(s.rateLimits())
        .respond(s.campaigns()::recipients);
    router.post("/network/v1/devices/:msisdn/files").handler(s.networkAuth())
        .respond(s.files()::deviceUpload);
    // An upgrade request may say Content-Length: 0 (the JDK's client does): unread, it upgrades.
    router.get("/network/v1/devices/:msisdn/ws").handler(s.networkAuth())
        .handler(s.devices()::connect);

    router.routeWithRegex(CTCU + "/.*").failureHandler(CtcuErrors::handle);
    router.postWithRegex(CTCU + "/medias/upload").handler(s.ctcuAuth()).handler(s.rateLimits())
        .respond(s.ctcuMedia()::upload);
    // CMCC's content server root: the chatbot is the appId's, its path names none.
    router.route(CMCC_CONTENT).failureHandler(CmccErrors::handle);
    router.post(CMCC_CONTENT).handler(s.cmccAuth()).handler(s.rateLimits())
        .handler(s.cmccFiles()::upload);
    router.delete(CMCC_CONTENT).handler(s.cmccAuth()).handler(s.rateLimits())
        .handler(s.cmccFiles()::delete);

    // A campaign's inline recipients may be more than a message's body.
    router.post("/bot/v1/:botId/campaigns")
        .handler(BodyHandler.create(false).setBodyLimit(CampaignApi.MAX_BODY_BYTES));
    router.route().handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()));

    router.get("/").handler(s.web()::home);
    router.get("/preview").handler(s.web()::previewPage);
    router.get("/simulator").handler(s.web()::simulatorPage);
    router.get("/console").handler(s.web()::consolePage);
    router.get("/console/uPlot.iife.min.js").handler(s.web()::chartScript);
    router.get("/console/uPlot.min.css").handler(s.web()::chartStylesheet);
    router.get("/preview/card.css").handler(s.web()::cardStylesheet);
    router.get("/openapi.json").handler(s.web()::openApi);
    router.get("/docs").handler(s.web()::docsPage);
    router.get("/docs/:asset").handler(s.web()::docsAsset);
    router.route("/web/*").handler(StaticHandler.create("web"));
    router.post("/preview/v1/render").handler(s.preview().limit()).respond(s.preview()::render);
    router.route("/files/v1/:fileId").method(GET).method(HEAD).handler(s.downloads()::file);
    router.route("/files/v1/:fileId/thumbnail").method(GET).method(HEAD)
        .handler(s.downloads()::thumbnail);

    router.get("/bot").handler(s.botInfo()::botInfo);
    // CT/CU chatbots name themselves by their chatbot URI where GSMA ones have their botId.
    router.postWithRegex(CTCU + "/accessToken").respond(s.ctcu()::accessToken);
    router.routeWithRegex(CTCU + "/.*").handler(s.ctcuAuth()).handler(s.rateLimits());
    router.postWithRegex(CTCU + "/messages").respond(s.ctcu()::send);
    router.postWithRegex(CTCU + "/revoke").respond(s.ctcu()::revoke);
    router.getWithRegex(CTCU + "/medias/download").handler(s.ctcuMedia()::download);
    router.deleteWithRegex(CTCU + "/medias/delete").respond(s.ctcuMedia()::delete);
    router.getWithRegex(CTCU + "/find/chatBotInfo").respond(s.ctcuInfo()::find);
    router.postWithRegex(CTCU + "/update/chatBotInfo/optionals").respond(s.ctcuInfo()::optionals);
    router.postWithRegex(CTCU + "/update/chatBotInfo/menu").respond(s.ctcuInfo()::menu);
    router.routeWithRegex(CTCU + "/.*").handler(ctx -> ctx.fail(404));

    // CMCC chatbots send to one recipient or, under /group, to several; the same handlers.
    for (String root : CMCC_ROOTS) {
      router.routeWithRegex(root + CMCC + "(/.*)?").failureHandler(CmccErrors::handle);
      router.routeWithRegex(root + CMCC + "(/.*)?").handler(s.cmccAuth()).handler(s.rateLimits());
      router.postWithRegex(root + CMCC).handler(s.cmcc()::send);
      router.putWithRegex(root + CMCC + "/(?<requestId>[^/]+)/status").handler(s.cmcc()::revoke);
      router.routeWithRegex(root + CMCC + "(/.*)?").handler(ctx -> ctx.fail(404));
    }

    router.post("/oauth2/v1/token").respond(s.token()::token);
    router.route("/bot/v1/:botId/*").handler(s.botAuth()).handler(s.rateLimits());
    router.post("/bot/v1/:botId/messages").respond(s.chatbotApi()::send);
    router.get("/bot/v1/:botId/messages/:msgId/status").respond(s.chatbotApi()::status);
    router.put("/bot/v1/:botId/messages/:msgId/status").respond(s.chatbotApi()::updateStatus);
    router.get("/bot/v1/:botId/contactCapabilities").respond(s.chatbotApi()::capabilities);
    router.get("/bot/v1/:botId/files/:fileId").respond(s.files()::info);
    router.delete("/bot/v1/:botId/files/:fileId").handler(s.files()::delete);
    router.put("/bot/v1/:botId/persistentMenu").respond(s.persistentMenu()::put);
    router.delete("/bot/v1/:botId/persistentMenu").handler(s.persistentMenu()::delete);
    router.post("/bot/v1/:botId/campaigns").respond(s.campaigns()::create);
    router.get("/bot/v1/:botId/campaigns").respond(s.campaigns()::list);
    router.get("/bot/v1/:botId/campaigns/:campaignId").respond(s.campaigns()::get);
    router.get("/bot/v1/:botId/campaigns/:campaignId/results").handler(s.campaigns()::results);
    router.postWithRegex(CAMPAIGN + ":start").respond(s.campaigns()::start);
    router.postWithRegex(CAMPAIGN + ":pause").respond(s.campaigns()::pause);
    router.postWithRegex(CAMPAIGN + ":resume").respond(s.campaigns()::resume);
    router.postWithRegex(CAMPAIGN + ":cancel").respond(s.campaigns()::cancel);
    router.get("/bot/v1/:botId/insights").respond(s.insights()::bot);

    router.route("/admin/v1/*").handler(s.adminAuth());
    router.post("/admin/v1/chatbots").respond(s.chatbots()::register);
    router.get("/admin/v1/chatbots").respond(s.chatbots()::list);
    router.get("/admin/v1/chatbots/:botId").respond(s.chatbots()::get);
    router.patch("/admin/v1/chatbots/:botId").respond(s.chatbots()::update);
    router.delete("/admin/v1/chatbots/:botId").handler(s.chatbots()::delete);
    router.postWithRegex("/admin/v1/chatbots/(?<botId>[^/]+)/notify:verify")
        .respond(s.ctcuVerification()::verifyNow);
    router.postWithRegex("/admin/v1/chatbots/(?<botId>[^/]+)/secrets:rotate")
        .respond(s.chatbots()::rotate);
    router.get("/admin/v1/chatbots/:botId/deadletters").respond(s.deadLetters()::list);
    router.postWithRegex("/admin/v1/chatbots/(?<botId>[^/]+)/deadletters:replay")
        .respond(s.deadLetters()::replay);
    router.get("/admin/v1/chatbots/:botId/campaigns").respond(s.campaigns()::list);
    router.postWithRegex(ADMIN_CAMPAIGN + ":pause").respond(s.campaigns()::pause);
    router.postWithRegex(ADMIN_CAMPAIGN + ":resume").respond(s.campaigns()::resume);
    router.postWithRegex(ADMIN_CAMPAIGN + ":cancel").respond(s.campaigns()::cancel);
    router.get("/admin/v1/insights").respond(s.insights()::admin);

    router.route("/network/v1/*").handler(s.networkAuth());
    router.put("/network/v1/devices/:msisdn").respond(s.provisioning()::put);
    router.delete("/network/v1/devices/:msisdn").handler(s.provisioning()::delete);
    router.get("/network/v1/chatbots").respond(s.simulator()::chatbots);
    router.post("/network/v1/render").respond(s.simulator()::render);
    if (s.smsInbox() != null) {
      router.get("/network/v1/sms/:msisdn/inbox").respond(s.smsInbox()::inbox);
      router.post("/network/v1/sms/:msisdn/outbox").respond(s.smsInbox()::send);
    }

    router.route().last().handler(ctx -> ctx.fail(404));
    router.route().failureHandler(Failures::handle);

    return vertx.createHttpServer(new HttpServerOptions()
            .setMaxWebSocketFrameSize(config.maxBodyBytes())
            .setMaxWebSocketMessageSize(config.maxBodyBytes()))
        .requestHandler(router)
        .listen(config.port())
        .onSuccess(listening -> server = listening);
  }

  int actualPort() {
    return server.actualPort();
  }

  /** The route table as served, for the test that holds it against /openapi.json. */
  List<Route> routes() {
    return router.getRoutes();
  }
}
