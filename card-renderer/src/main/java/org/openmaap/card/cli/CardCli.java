package org.openmaap.card.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The card-renderer command line: {@code java -jar card-renderer.jar validate FILE|-}. */
@Command(
    name = "card-renderer",
    mixinStandardHelpOptions = true,
    version = "card-renderer 0.1.0",
    description = "Validates and renders GSMA rich-card JSON, and counts SMS segments.",
    subcommands = {ValidateCommand.class, RenderCommand.class, SegmentsCommand.class,
        PreviewCommand.class})
public final class CardCli {

  static final int EXIT_VALID = 0;
  static final int EXIT_INVALID = 1;
  static final int EXIT_USAGE = 2;
  static final String FILE_DESCRIPTION = "A JSON file: an RCSMessage body, a bare botmessage or "
      + "chip list, or a send request with messageContact. '-' reads standard input.";

  private final InputStream in;

  CardCli(InputStream in) {
    this.in = in;
  }

  InputStream stdin() {
    return in;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /** Runs the CLI on the given streams and returns its exit code. */
  static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new CardCli(in));
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    // A file that cannot be read or written (Input.Unreadable, I/O) is a usage error: exit 2.
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("card-renderer: " + e.getMessage());
      return EXIT_USAGE;
    });
    return cli.execute(args);
  }
}
