package org.openmaap.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The copy of the shared fixtures in this repo matches ../shared/fixtures wherever that exists. */
class SharedFixturesTest {

  @Test
  void copiedFixtures_matchTheSharedOnes() throws IOException {
    Path shared = Path.of(System.getProperty("openmaap.sharedFixtures", "../../shared/fixtures"));
    assumeTrue(Files.isDirectory(shared),
        "no shared fixtures at " + shared.toAbsolutePath() + "; nothing to compare");
    Path copy = Path.of("src/test/resources/fixtures");

    List<Path> files;
    try (Stream<Path> walk = Files.walk(shared)) {
      files = walk.filter(Files::isRegularFile).map(shared::relativize).sorted().toList();
    }

    assertThat(files).isNotEmpty();
    for (Path file : files) {
      assertThat(copy.resolve(file)).as("copy of %s", file).exists();
      assertThat(Files.mismatch(shared.resolve(file), copy.resolve(file)))
          .as("%s differs from the shared fixture; copy it again", file)
          .isEqualTo(-1L);
    }
  }
}
