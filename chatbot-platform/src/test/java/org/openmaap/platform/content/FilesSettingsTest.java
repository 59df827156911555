package org.openmaap.platform.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.PlatformConfig;

class FilesSettingsTest {

  @TempDir
  Path dir;

  @Test
  void load_filesObjectOfTheConfigFile_thenTheEnvironment() throws IOException {
    Path file = Files.writeString(dir.resolve("openmaap.yaml"), """
        files:
          publicUrl: https://files.example.com/
          maxFileBytes: 10485760
          perBotQuotaBytes: 104857600
          defaultUntil: 7d
          maxUntil: 30d
          allowedFetchNetworks: [10.20.0.0/16, "fd00:1::/64"]
          fetchTimeout: 10s
          maxRedirects: 2
        """);

    FilesSettings files = PlatformConfig.load(Map.of("OPENMAAP_CONFIG", file.toString())).files();
    FilesSettings overridden = PlatformConfig.load(Map.of("OPENMAAP_CONFIG", file.toString(),
        "OPENMAAP_PUBLIC_URL", "http://192.168.1.20:8080")).files();

    assertThat(files.publicUrl()).isEqualTo("https://files.example.com");
    assertThat(files.maxFileBytes()).isEqualTo(10 * 1024 * 1024);
    assertThat(files.perBotQuotaBytes()).isEqualTo(100 * 1024 * 1024);
    assertThat(files.defaultUntil()).isEqualTo(Duration.ofDays(7));
    assertThat(files.maxUntil()).isEqualTo(Duration.ofDays(30));
    assertThat(files.allowPrivateFetch()).isFalse();
    assertThat(files.allowedFetchNetworks()).containsExactly("10.20.0.0/16", "fd00:1::/64");
    assertThat(files.fetchTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(files.maxRedirects()).isEqualTo(2);
    assertThat(overridden.publicUrl()).isEqualTo("http://192.168.1.20:8080");
    assertThat(PlatformConfig.load(Map.of()).files()).isEqualTo(FilesSettings.defaults());
  }

  @Test
  void load_badFilesSettings_sayWhatIsWrong() throws IOException {
    assertThatThrownBy(() -> load("{\"files\": {\"maxFileSize\": 1}}"))
        .hasMessageContaining("files.maxFileSize").hasMessageContaining("maxFileBytes");
    assertThatThrownBy(() -> load("{\"files\": {\"allowedFetchNetworks\": [\"intranet\"]}}"))
        .hasMessageContaining("'intranet' is not a network");
    assertThatThrownBy(() -> load("{\"files\": {\"allowPrivateFetch\": \"sometimes\"}}"))
        .hasMessageContaining("files.allowPrivateFetch must be true or false");
    assertThatThrownBy(() -> load("{\"files\": {\"publicUrl\": \"files.example.com\"}}"))
        .hasMessageContaining("files.publicUrl");
    assertThatThrownBy(() -> load("{\"files\": {\"defaultUntil\": \"120d\"}}"))
        .hasMessageContaining("files.defaultUntil must not be longer than files.maxUntil");
  }

  @Test
  void withPrivateFetch_isWhatTestsAndTheDemoUse() {
    assertThat(FilesSettings.defaults().withPrivateFetch(true).allowPrivateFetch()).isTrue();
    assertThat(FilesSettings.defaults().withAllowedFetchNetworks(List.of("127.0.0.1"))
        .allowedFetchNetworks()).containsExactly("127.0.0.1");
  }

  private PlatformConfig load(String json) throws IOException {
    Path file = Files.writeString(dir.resolve("c.json"), json);
    return PlatformConfig.load(Map.of("OPENMAAP_CONFIG", file.toString()));
  }
}
