package org.openmaap.card.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code validate FILE|-}: every violation as a JSON line; exit 0 valid, 1 invalid, 2 I/O error. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
        "Prints every violation as a JSON line {\"path\",\"code\",\"message\",\"severity\"}.",
        "Exit status: 0 valid (warnings allowed), 1 invalid, 2 usage or I/O error."})
final class ValidateCommand implements Callable<Integer> {

  @ParentCommand
  private CardCli cli;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE|-", description = CardCli.FILE_DESCRIPTION)
  private String file;

  @Override
  public Integer call() throws Input.Unreadable {
    Validation validation = Input.validate(file, cli.stdin());
    PrintWriter out = spec.commandLine().getOut();
    for (Violation violation : validation.violations()) {
      out.println(CardJson.write(violation));
    }
    out.flush();
    long errors = validation.errors().size();
    long warnings = validation.violations().size() - errors;
    spec.commandLine().getErr().printf("%s: %s (%d error%s, %d warning%s)%n", file,
        validation.valid() ? "valid" : "invalid", errors, errors == 1 ? "" : "s",
        warnings, warnings == 1 ? "" : "s");
    return validation.valid() ? CardCli.EXIT_VALID : CardCli.EXIT_INVALID;
  }
}
