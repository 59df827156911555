package org.openmaap.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openmaap.platform.content.FilesSettings;

/** The config file's {@code files} object, read onto the content server's settings. */
final class FilesConfig {

  private static final Set<String> KEYS = Set.of("publicUrl", "maxFileBytes", "perBotQuotaBytes",
      "defaultUntil", "maxUntil", "allowPrivateFetch", "allowedFetchNetworks", "fetchTimeout",
      "maxRedirects", "sweepInterval", "directory");

  private FilesConfig() {}

  /** {@code base} with the members of the config file's {@code files} object applied. */
  static FilesSettings with(FilesSettings base, JsonNode files) {
    PlatformConfig.requireKnown(files, "files.", KEYS);
    return new FilesSettings(
        files.has("publicUrl") ? files.get("publicUrl").asText() : base.publicUrl(),
        files.has("maxFileBytes") ? number(files, "maxFileBytes") : base.maxFileBytes(),
        files.has("perBotQuotaBytes") ? number(files, "perBotQuotaBytes")
            : base.perBotQuotaBytes(),
        PlatformConfig.duration(files, "defaultUntil", base.defaultUntil()),
        PlatformConfig.duration(files, "maxUntil", base.maxUntil()),
        files.has("allowPrivateFetch") ? bool(files, "allowPrivateFetch")
            : base.allowPrivateFetch(),
        files.has("allowedFetchNetworks") ? texts(files, "allowedFetchNetworks")
            : base.allowedFetchNetworks(),
        PlatformConfig.duration(files, "fetchTimeout", base.fetchTimeout()),
        files.has("maxRedirects") ? (int) number(files, "maxRedirects") : base.maxRedirects(),
        PlatformConfig.duration(files, "sweepInterval", base.sweepInterval()),
        files.hasNonNull("directory") ? Path.of(files.get("directory").asText())
            : base.directory());
  }

  private static long number(JsonNode settings, String name) {
    return PlatformConfig.wholeNumber(settings, "files.", name);
  }

  private static boolean bool(JsonNode settings, String name) {
    JsonNode value = settings.get(name);
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    return switch (value.asText().trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("files." + name
          + " must be true or false, got '" + value.asText() + "'");
    };
  }

  private static List<String> texts(JsonNode settings, String name) {
    JsonNode value = settings.get(name);
    if (!value.isArray()) {
      throw new IllegalArgumentException("files." + name
          + " must be a list such as [\"10.20.0.0/16\"]");
    }
    List<String> texts = new ArrayList<>();
    value.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
