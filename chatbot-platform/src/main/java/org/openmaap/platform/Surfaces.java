package org.openmaap.platform;

import org.openmaap.platform.admin.ChatbotAdmin;
import org.openmaap.platform.botinfo.BotInfoEndpoint;
import org.openmaap.platform.admin.DeadLetterAdmin;
import org.openmaap.platform.admin.HealthHandler;
import org.openmaap.platform.admin.MetricsEndpoint;
import org.openmaap.platform.content.FileDownloads;
import org.openmaap.platform.content.FilesApi;
import org.openmaap.platform.dialect.ctcu.CtcuApi;
import org.openmaap.platform.dialect.ctcu.CtcuAuth;
import org.openmaap.platform.maap.BotAuth;
import org.openmaap.platform.maap.ChatbotApi;
import org.openmaap.platform.maap.PersistentMenuApi;
import org.openmaap.platform.maap.RateLimits;
import org.openmaap.platform.maap.TokenEndpoint;
import org.openmaap.platform.network.DeviceGateway;
import org.openmaap.platform.network.Provisioning;
import org.openmaap.platform.network.SmsInbox;
import org.openmaap.platform.web.PreviewApi;
import org.openmaap.platform.web.SimulatorApi;
import org.openmaap.platform.web.WebTools;

/** The handlers of every HTTP surface, built once by {@link Platform} and routed by {@link HttpVerticle}. */
record Surfaces(
    TokenEndpoint token,
    BotAuth botAuth,
    RateLimits rateLimits,
    ChatbotApi chatbotApi,
    PersistentMenuApi persistentMenu,
    TokenAuth adminAuth,
    ChatbotAdmin chatbots,
    DeadLetterAdmin deadLetters,
    HealthHandler health,
    MetricsEndpoint metrics,
    TokenAuth networkAuth,
    DeviceGateway devices,
    Provisioning provisioning,
    SmsInbox smsInbox,
    PreviewApi preview,
    SimulatorApi simulator,
    WebTools web,
    FilesApi files,
    FileDownloads downloads,
    BotInfoEndpoint botInfo,
    CtcuAuth ctcuAuth,
    CtcuApi ctcu) {}
