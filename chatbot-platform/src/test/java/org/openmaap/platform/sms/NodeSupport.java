package org.openmaap.platform.sms;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Node and the npm package smpp for the SMPP interop test: where they are and whether to skip, as
 * card-renderer's BrowserSupport decides for Chromium.
 */
final class NodeSupport {

  /** The node SMSC's folder, relative to the module (Surefire runs tests there). */
  static final Path SMSC_DIR = Path.of("src/test/node");

  private static final String INSTALL = "; install Debian's nodejs npm and run `npm ci --prefix"
      + " chatbot-platform/src/test/node` to run the SMPP interop test";

  private NodeSupport() {}

  /** Skips the calling test when node or the smpp package is missing; fails it when CI=true. */
  static void requireSmppPackage() {
    require(System.getenv(), SMSC_DIR);
  }

  /** The rule itself, with the environment and folder passed in so it can be tested. */
  static void require(Map<String, String> env, Path smscDir) {
    String missing = null;
    if (node(env) == null) {
      missing = "node not found on the PATH" + INSTALL;
    } else if (!Files.isDirectory(smscDir.resolve("node_modules/smpp"))) {
      missing = "the npm package smpp is not installed in " + smscDir.toAbsolutePath() + INSTALL;
    }
    if (missing == null) {
      return;
    }
    // CI promises node; a silent skip there would hide that the interop test never ran.
    if ("true".equals(env.get("CI"))) {
      fail(missing);
    }
    Assumptions.abort(missing);
  }

  /** The node executable on {@code env}'s PATH, or null. */
  static Path node(Map<String, String> env) {
    String path = env.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, "node");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
