package org.openmaap.card.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.openmaap.card.html.HtmlPreview;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.sms.SmsOptions;
import org.openmaap.card.sms.SmsText;
import org.openmaap.card.validation.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code render --format html|sms FILE|-}: what a phone shows, or the fallback SMS text. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
        "Prints the HTML fragment a phone shows (html) or the fallback SMS text (sms).",
        "Exit status: 0 rendered, 1 invalid (violations as JSON lines on standard error), "
            + "2 usage or I/O error."})
final class RenderCommand implements Callable<Integer> {

  enum Format { html, sms }

  @ParentCommand
  private CardCli cli;

  @Spec
  private CommandSpec spec;

  @Option(names = "--format", required = true, paramLabel = "html|sms",
      description = "html or sms")
  private Format format;

  @Option(names = "--signature", paramLabel = "TEXT",
      description = "The chatbot's SMS signature, added as the last line of the SMS.")
  private String signature;

  @Option(names = "--budget", paramLabel = "N",
      description = "Segments the SMS may take before descriptions are shortened "
          + "(default: ${DEFAULT-VALUE}).")
  private int budget = SmsOptions.DEFAULT_SEGMENT_BUDGET;

  @Parameters(index = "0", paramLabel = "FILE|-", description = CardCli.FILE_DESCRIPTION)
  private String file;

  @Override
  public Integer call() throws Input.Unreadable {
    Validation validation = Input.validate(file, cli.stdin());
    if (!validation.valid()) {
      PrintWriter err = spec.commandLine().getErr();
      validation.errors().stream().map(CardJson::write).forEach(err::println);
      return CardCli.EXIT_INVALID;
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      out.println(switch (format) {
        case html -> HtmlPreview.render(validation.document());
        case sms -> SmsText.render(validation.document(),
            SmsOptions.defaults().withSegmentBudget(budget).withSignature(signature)).text();
      });
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("card-renderer: " + e.getMessage());
      return CardCli.EXIT_INVALID;
    }
    out.flush();
    return CardCli.EXIT_VALID;
  }
}
