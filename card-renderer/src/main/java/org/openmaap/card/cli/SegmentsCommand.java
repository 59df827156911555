package org.openmaap.card.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.sms.Segmentation;
import org.openmaap.card.sms.SmsSegments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code segments TEXT|-}: how a text splits into SMS segments, as one JSON object. */
@Command(
    name = "segments",
    mixinStandardHelpOptions = true,
    description = "Prints {\"encoding\",\"segments\",\"units\":[...]} for a text sent as SMS.")
final class SegmentsCommand implements Callable<Integer> {

  @ParentCommand
  private CardCli cli;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TEXT|-",
      description = "The text; '-' reads it from standard input (UTF-8, as is).")
  private String text;

  @Override
  public Integer call() throws IOException {
    String input = "-".equals(text)
        ? new String(cli.stdin().readAllBytes(), StandardCharsets.UTF_8)
        : text;
    spec.commandLine().getOut().println(CardJson.write(summary(SmsSegments.split(input))));
    return CardCli.EXIT_VALID;
  }

  static Map<String, Object> summary(Segmentation segmentation) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("encoding", segmentation.encoding().label());
    summary.put("segments", segmentation.count());
    summary.put("units", segmentation.units());
    return summary;
  }
}
