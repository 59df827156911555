package org.openmaap.card.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openmaap.card.Fixtures;

/** The packaged runnable jar, run as a newcomer would run it. */
class CliJarIT {

  record Result(int exit, String out, String err) {}

  static Result java(String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("openmaap.cliJar", "target/card-renderer.jar"));
    assertThat(jar).exists();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("cli", ".out");
    Path err = Files.createTempFile("cli", ".err");
    Process process = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void validate_validFixture_exitsZero() throws Exception {
    Result result = java("validate", Fixtures.file("cards/valid/single-card.json").toString());

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out()).isEmpty();
  }

  @Test
  void validate_typoFixture_printsTheViolationAsAJsonLine() throws Exception {
    Result result = java("validate",
        Fixtures.file("cards/invalid/chip-typo-dialVideoNumber.json").toString());

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out()).startsWith(
        "{\"path\":\"/suggestions/0/action/dialerAction/dialVideoNumber\","
            + "\"code\":\"unknown_field\",\"message\":");
  }
}
