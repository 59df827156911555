package org.openmaap.platform.web;

import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.Set;
import org.openmaap.card.html.HtmlPreview;

/**
 * The pages: home, the preview tool, the phone simulator, the console, the API reference, and the
 * renderer's card stylesheet.
 */
public final class WebTools {

  private static final String SWAGGER_UI = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
  private static final String UPLOT = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
  /** What /docs loads of the Swagger UI WebJar; nothing else of the jar is served. */
  private static final Set<String> DOCS_ASSETS = Set.of("swagger-ui.css", "swagger-ui-bundle.js",
      "favicon-16x16.png", "favicon-32x32.png");

  private final String swaggerUiRoot;
  private final String uplotRoot;

  public WebTools() {
    this.swaggerUiRoot = "META-INF/resources/webjars/swagger-ui/"
        + webJarVersion(SWAGGER_UI, "Swagger UI") + "/";
    this.uplotRoot = "META-INF/resources/webjars/uplot/" + webJarVersion(UPLOT, "uPlot") + "/dist/";
  }

  public void previewPage(RoutingContext ctx) {
    page(ctx, "web/preview.html");
  }

  public void simulatorPage(RoutingContext ctx) {
    page(ctx, "web/simulator.html");
  }

  /** The console: chatbots, their campaigns' progress and the insights charts. */
  public void consolePage(RoutingContext ctx) {
    page(ctx, "web/console.html");
  }

  public void cardStylesheet(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "text/css; charset=utf-8")
        .end(HtmlPreview.stylesheet());
  }

  public void home(RoutingContext ctx) {
    page(ctx, "web/index.html");
  }

  /** The OpenAPI 3.1 document of every HTTP surface, as kept in the resources. */
  public void openApi(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-cache")
        // Editors and client generators running in a browser fetch it from their own origin.
        .putHeader("Access-Control-Allow-Origin", "*")
        .sendFile("openapi.json");
  }

  /** The OpenAPI document rendered by Swagger UI, all of it served by the platform. */
  public void docsPage(RoutingContext ctx) {
    page(ctx, "web/docs.html");
  }

  /** A script, stylesheet or icon of the Swagger UI WebJar that /docs loads. */
  public void docsAsset(RoutingContext ctx) {
    String asset = ctx.pathParam("asset");
    if (!DOCS_ASSETS.contains(asset)) {
      ctx.fail(404);
      return;
    }
    webJarFile(ctx, swaggerUiRoot + asset);
  }

  /** The script of the uPlot WebJar that /console draws its charts with. */
  public void chartScript(RoutingContext ctx) {
    webJarFile(ctx, uplotRoot + "uPlot.iife.min.js");
  }

  /** The stylesheet of the uPlot WebJar, for the charts' legends. */
  public void chartStylesheet(RoutingContext ctx) {
    webJarFile(ctx, uplotRoot + "uPlot.min.css");
  }

  private static void webJarFile(RoutingContext ctx, String file) {
    // The WebJar's path carries its version, so a new version is a new URL: cache for a day.
    ctx.response().putHeader("Cache-Control", "public, max-age=86400").sendFile(file);
  }

  private static void page(RoutingContext ctx, String file) {
    ctx.response().putHeader("Cache-Control", "no-cache").sendFile(file);
  }

  private static String webJarVersion(String pomProperties, String name) {
    try (InputStream in = WebTools.class.getClassLoader().getResourceAsStream(pomProperties)) {
      if (in == null) {
        throw new IllegalStateException("the " + name + " WebJar is not on the classpath: no "
            + pomProperties);
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
