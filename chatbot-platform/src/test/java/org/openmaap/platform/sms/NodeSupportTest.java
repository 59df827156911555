package org.openmaap.platform.sms;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class NodeSupportTest {

  @TempDir
  Path dir;

  @Test
  void require_nodeMissingOutsideCi_skipsWithInstallHint() {
    assertThatThrownBy(() -> NodeSupport.require(Map.of("PATH", "/nonexistent"), dir))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("node not found on the PATH; install Debian's nodejs npm and run"
            + " `npm ci --prefix chatbot-platform/src/test/node`");
  }

  @Test
  void require_nodeMissingOnCi_fails() {
    assertThatThrownBy(() -> NodeSupport.require(Map.of("PATH", "/nonexistent", "CI", "true"),
        dir))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("node not found on the PATH");
  }

  @Test
  void require_packageMissing_namesThePackage() throws IOException {
    Path bin = fakeNode();

    assertThatThrownBy(() -> NodeSupport.require(Map.of("PATH", bin.toString()), dir))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("the npm package smpp is not installed in " + dir);
  }

  @Test
  void require_nodeAndPackagePresent_passes() throws IOException {
    Path bin = fakeNode();
    Files.createDirectories(dir.resolve("node_modules/smpp"));

    assertThatCode(() -> NodeSupport.require(Map.of("PATH", "/nonexistent:" + bin, "CI", "true"),
        dir)).doesNotThrowAnyException();
  }

  private Path fakeNode() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.createFile(bin.resolve("node"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    return bin;
  }
}
