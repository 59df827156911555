package org.openmaap.platform.web;

import io.vertx.ext.web.RoutingContext;
import org.openmaap.card.html.HtmlPreview;

/** The pages: home, the preview tool, the phone simulator, and the renderer's card stylesheet. */
public final class WebTools {

  public void previewPage(RoutingContext ctx) {
    page(ctx, "web/preview.html");
  }

  public void simulatorPage(RoutingContext ctx) {
    page(ctx, "web/simulator.html");
  }

  public void cardStylesheet(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "text/css; charset=utf-8")
        .end(HtmlPreview.stylesheet());
  }

  public void home(RoutingContext ctx) {
    page(ctx, "web/index.html");
  }

  private static void page(RoutingContext ctx, String file) {
    ctx.response().putHeader("Cache-Control", "no-cache").sendFile(file);
  }
}
