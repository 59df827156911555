package org.openmaap.platform.web;

import io.vertx.ext.web.RoutingContext;
import org.openmaap.card.html.HtmlPreview;

/** The pages: the preview tool and the card stylesheet they share with the renderer. */
public final class WebTools {

  public void previewPage(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-cache").sendFile("web/preview.html");
  }

  public void cardStylesheet(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "text/css; charset=utf-8")
        .end(HtmlPreview.stylesheet());
  }

  public void home(RoutingContext ctx) {
    ctx.redirect("/preview");
  }
}
