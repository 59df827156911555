package org.openmaap.card.cli;

import static org.openmaap.card.html.HtmlPreview.escape;

import java.util.List;
import org.openmaap.card.html.HtmlPreview;
import org.openmaap.card.sms.Segment;
import org.openmaap.card.sms.SmsRendering;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Violation;

/** A standalone page for one document: the phone rendering, the SMS fallback, the violations. */
final class PreviewPage {

  private static final String PAGE_CSS = """
      body{margin:0;background:#eceff1;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,\
      "Noto Sans",sans-serif;color:#202124;}
      header{padding:12px 20px;background:#fff;border-bottom:1px solid #dadce0;}
      header h1{font-size:16px;margin:0;}
      .omp-page{display:flex;flex-wrap:wrap;gap:20px;padding:20px;align-items:flex-start;}
      #phone{width:360px;padding:14px 0;background:#fff;border-radius:28px;\
      box-shadow:0 2px 12px rgba(0,0,0,.15);overflow:hidden;}
      .omp-panel{background:#fff;border-radius:12px;padding:12px 16px;min-width:300px;\
      max-width:520px;box-shadow:0 1px 4px rgba(0,0,0,.12);}
      .omp-panel h2{font-size:14px;margin:0 0 8px;}
      .omp-sms-text{white-space:pre-wrap;font:13px/1.45 ui-monospace,monospace;margin:0;}
      .omp-segment{border-left:3px solid #1a73e8;padding-left:8px;margin:6px 0;}
      .omp-segment-units{color:#5f6368;font-size:12px;}
      .omp-facts{color:#5f6368;margin:0 0 8px;}
      .omp-violations{border-collapse:collapse;width:100%;}
      .omp-violations td,.omp-violations th{border-top:1px solid #eee;padding:4px 6px;\
      text-align:left;vertical-align:top;}
      .omp-error{color:#c5221f;} .omp-warning{color:#b06000;}
      .omp-none{color:#188038;}
      """;

  private PreviewPage() {}

  /** The page for {@code validation}; {@code sms} is null when there is none to show. */
  static String render(String title, Validation validation, SmsRendering sms, String phone) {
    StringBuilder page = new StringBuilder(8192)
        .append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width\"><title>")
        .append(escape(title)).append(" - OpenMaaP preview</title><style>")
        .append(PAGE_CSS).append(HtmlPreview.stylesheet())
        .append("</style></head><body><header><h1>").append(escape(title))
        .append("</h1></header><main class=\"omp-page\">");
    page.append("<section id=\"phone\" aria-label=\"Phone\">");
    if (phone != null) {
      page.append(phone);
    } else {
      page.append("<p class=\"omp-panel omp-error\">Not rendered: the document has errors.</p>");
    }
    page.append("</section>");
    if (sms != null) {
      sms(page, sms);
    }
    violations(page, validation.violations());
    return page.append("</main></body></html>\n").toString();
  }

  private static void sms(StringBuilder page, SmsRendering sms) {
    int segments = sms.segmentation().count();
    page.append("<section class=\"omp-panel omp-sms\" aria-label=\"SMS fallback\"><h2>SMS fallback</h2>")
        .append("<p class=\"omp-facts\"><span class=\"omp-encoding\">")
        .append(sms.segmentation().encoding().label()).append("</span> &middot; ")
        .append("<span class=\"omp-segment-count\">").append(segments)
        .append(segments == 1 ? " segment" : " segments").append("</span>");
    if (sms.shortened()) {
      page.append(" &middot; shortened to fit");
    }
    if (sms.overBudget()) {
      page.append(" &middot; <span class=\"omp-warning\">over the segment budget</span>");
    }
    page.append("</p>");
    List<Segment> parts = sms.segmentation().segments();
    for (int i = 0; i < parts.size(); i++) {
      page.append("<div class=\"omp-segment\"><div class=\"omp-segment-units\">Segment ")
          .append(i + 1).append(": ").append(parts.get(i).units()).append(" units</div>")
          .append("<pre class=\"omp-sms-text\">").append(escape(parts.get(i).text()))
          .append("</pre></div>");
    }
    page.append("</section>");
  }

  private static void violations(StringBuilder page, List<Violation> violations) {
    page.append("<section class=\"omp-panel\" aria-label=\"Violations\"><h2>Violations</h2>");
    if (violations.isEmpty()) {
      page.append("<p class=\"omp-none\">None: the document is valid.</p></section>");
      return;
    }
    page.append("<table class=\"omp-violations\"><tr><th>severity</th><th>path</th>")
        .append("<th>code</th><th>message</th></tr>");
    for (Violation v : violations) {
      String severity = v.isError() ? "error" : "warning";
      page.append("<tr class=\"omp-").append(severity).append("\"><td>").append(severity)
          .append("</td><td><code>").append(escape(v.path().isEmpty() ? "/" : v.path()))
          .append("</code></td><td>").append(v.code().wireName()).append("</td><td>")
          .append(escape(v.message())).append("</td></tr>");
    }
    page.append("</table></section>");
  }
}
