package org.openmaap.card.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openmaap.card.html.HtmlPreview;
import org.openmaap.card.model.Document;
import org.openmaap.card.sms.SmsOptions;
import org.openmaap.card.sms.SmsRendering;
import org.openmaap.card.sms.SmsText;
import org.openmaap.card.validation.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code preview FILE -o out.html}: one page with the phone rendering, the SMS and violations. */
@Command(
    name = "preview",
    mixinStandardHelpOptions = true,
    description = {
        "Writes a standalone HTML page: the card as a phone shows it, the SMS fallback with its",
        "encoding and segments, and every violation.",
        "Exit status: 0 valid, 1 invalid (the page is still written), 2 usage or I/O error."})
final class PreviewCommand implements Callable<Integer> {

  @ParentCommand
  private CardCli cli;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE|-", description = CardCli.FILE_DESCRIPTION)
  private String file;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.html",
      description = "Where to write the page.")
  private Path output;

  @Option(names = "--signature", paramLabel = "TEXT",
      description = "The chatbot's SMS signature, added as the last line of the SMS.")
  private String signature;

  @Override
  public Integer call() throws Input.Unreadable {
    Validation validation = Input.validate(file, cli.stdin());
    String phone = null;
    SmsRendering sms = null;
    if (validation.valid()) {
      Document document = validation.document();
      phone = HtmlPreview.render(document);
      sms = smsOf(document);
    }
    String title = "-".equals(file) ? "standard input" : Path.of(file).getFileName().toString();
    try {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(output, PreviewPage.render(title, validation, sms, phone),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      spec.commandLine().getErr().println("card-renderer: cannot write " + output + ": " + e);
      return CardCli.EXIT_USAGE;
    }
    spec.commandLine().getErr().println("wrote " + output);
    return validation.valid() ? CardCli.EXIT_VALID : CardCli.EXIT_INVALID;
  }

  /** The SMS fallback, or null for documents that never go as SMS (typing, responses). */
  private SmsRendering smsOf(Document document) {
    try {
      return SmsText.render(document, SmsOptions.defaults().withSignature(signature));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
