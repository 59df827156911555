package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.sip.SipSettings;

class PlatformConfigTest {

  @TempDir
  Path dir;

  @Test
  void load_nothingSet_givesTheDefaults() throws IOException {
    PlatformConfig config = PlatformConfig.load(Map.of());

    assertThat(config).isEqualTo(PlatformConfig.defaults());
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.domain()).isEqualTo("botplatform.local");
    assertThat(config.adminToken()).isNull();
  }

  @Test
  void load_yamlFileThenEnvironment_environmentWins() throws IOException {
    Path file = Files.writeString(dir.resolve("openmaap.yaml"), """
        port: 9090
        domain: rcs.example.com
        webhookTimeout: 2s
        webhookRetryWindow: PT1H
        storeTtl: 12h
        """);

    PlatformConfig config = PlatformConfig.load(Map.of("OPENMAAP_CONFIG", file.toString(),
        "OPENMAAP_PORT", "7070", "OPENMAAP_ADMIN_TOKEN", "secret-admin"));

    assertThat(config.port()).isEqualTo(7070);
    assertThat(config.domain()).isEqualTo("rcs.example.com");
    assertThat(config.webhookTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.webhookRetryWindow()).isEqualTo(Duration.ofHours(1));
    assertThat(config.storeTtl()).isEqualTo(Duration.ofHours(12));
    assertThat(config.adminToken()).isEqualTo("secret-admin");
  }

  @Test
  void load_jsonFile_isRead() throws IOException {
    Path file = Files.writeString(dir.resolve("openmaap.json"),
        "{\"maxBodyBytes\": 65536, \"dataDir\": \"/var/lib/openmaap\"}");

    PlatformConfig config = PlatformConfig.load(Map.of("OPENMAAP_CONFIG", file.toString()));

    assertThat(config.maxBodyBytes()).isEqualTo(65536);
    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/openmaap"));
  }

  @Test
  void load_storeBlock_choosesPostgresqlWithItsPoolNodeAndLease() throws IOException {
    Path file = Files.writeString(dir.resolve("store.yaml"), """
        store:
          url: postgresql://openmaap:s%40cret@db.example.net:5433/maap
          poolSize: 32
          nodeId: maap-1
          lease: 5s
        files:
          directory: /srv/openmaap/files
        """);

    PlatformConfig config = PlatformConfig.load(Map.of("OPENMAAP_CONFIG", file.toString()));

    StoreConfig store = config.store();
    assertThat(store.postgresql()).isTrue();
    assertThat(store.database().host()).isEqualTo("db.example.net");
    assertThat(store.database().port()).isEqualTo(5433);
    assertThat(store.database().password()).isEqualTo("s@cret");
    assertThat(store.poolSize()).isEqualTo(32);
    assertThat(store.nodeIdOrNew()).isEqualTo("maap-1");
    assertThat(store.lease()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.files().directory()).isEqualTo(Path.of("/srv/openmaap/files"));
  }

  @Test
  void load_databaseUrlAndNodeIdFromTheEnvironment_winOverTheFile() throws IOException {
    Path file = Files.writeString(dir.resolve("store.yaml"), """
        store:
          url: postgresql://a:b@file-host/maap
          nodeId: from-file
        """);

    StoreConfig store = PlatformConfig.load(Map.of("OPENMAAP_CONFIG", file.toString(),
        "OPENMAAP_DATABASE_URL", "postgres://c:d@env-host:6000/other",
        "OPENMAAP_NODE_ID", "from-env", "OPENMAAP_FILES_DIR", "/mnt/shared")).store();

    assertThat(store.database().host()).isEqualTo("env-host");
    assertThat(store.database().database()).isEqualTo("other");
    assertThat(store.nodeIdOrNew()).isEqualTo("from-env");
  }

  @Test
  void storeDefaults_embeddedNodeOnSqlite_newNodeIdPerStartOnPostgresql() throws IOException {
    StoreConfig sqlite = PlatformConfig.load(Map.of()).store();
    StoreConfig postgresql = PlatformConfig.load(Map.of("OPENMAAP_DATABASE_URL",
        "postgresql://u:p@localhost/maap")).store();

    assertThat(sqlite.postgresql()).isFalse();
    assertThat(sqlite.nodeIdOrNew()).isEqualTo(StoreConfig.EMBEDDED_NODE);
    assertThat(postgresql.nodeIdOrNew()).matches("node-[0-9a-f]{8}")
        .isNotEqualTo(postgresql.nodeIdOrNew());
    assertThat(postgresql.lease()).as("how long a dead node's work waits, by default")
        .isEqualTo(StoreConfig.DEFAULT_LEASE).isLessThanOrEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void load_badDatabaseUrlOrNodeId_failsNamingTheSettingNotThePassword() {
    assertThatThrownBy(() -> PlatformConfig.load(Map.of("OPENMAAP_DATABASE_URL",
        "mysql://root:hunter2@db/maap")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("OPENMAAP_DATABASE_URL: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    assertThatThrownBy(() -> PlatformConfig.load(Map.of("OPENMAAP_NODE_ID", "no spaces please")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("node id");
  }

  @Test
  void load_smsBlock_configuresAnExternalSmscAndTheFallbackTimings() throws IOException {
    Path file = Files.writeString(dir.resolve("sms.yaml"), """
        sms:
          host: smsc.example.net
          port: 2776
          systemId: brand
          password: pw
          source: "+8610690000"
          windowSize: 10
          throughputPerSecond: 500
          fallbackTimeout: 30s
          revokeWait: 500ms
          choicesTtl: 2h
        """);

    SmsConfig sms = PlatformConfig.load(Map.of("OPENMAAP_CONFIG", file.toString())).sms();

    assertThat(sms.mode()).isEqualTo(SmsConfig.Mode.EXTERNAL);
    assertThat(sms.smpp().host()).isEqualTo("smsc.example.net");
    assertThat(sms.smpp().port()).isEqualTo(2776);
    assertThat(sms.smpp().systemId()).isEqualTo("brand");
    assertThat(sms.smpp().sourceAddress()).isEqualTo("8610690000");
    assertThat(sms.smpp().windowSize()).isEqualTo(10);
    assertThat(sms.smpp().throughputPerSecond()).isEqualTo(500);
    assertThat(sms.fallback().timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(sms.fallback().revokeWait()).isEqualTo(Duration.ofMillis(500));
    assertThat(sms.fallback().choicesTtl()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void load_sipBlock_opensSipWithAnOutboundProxy_andTheEnvironmentMovesIt() throws IOException {
    Path file = Files.writeString(dir.resolve("sip.yaml"), """
        sip:
          listen: "127.0.0.1:5070"
          outboundProxy: "sip:ims.example:5060"
          maxBodyBytes: 65536
        """);

    SipSettings sip = PlatformConfig.load(Map.of("OPENMAAP_CONFIG", file.toString())).sip();
    SipSettings moved = PlatformConfig.load(Map.of("OPENMAAP_CONFIG", file.toString(),
        "OPENMAAP_SIP_LISTEN", "0.0.0.0:5060")).sip();

    assertThat(PlatformConfig.defaults().sip().enabled()).isFalse();
    assertThat(sip.enabled()).isTrue();
    assertThat(sip.host()).isEqualTo("127.0.0.1");
    assertThat(sip.port()).isEqualTo(5070);
    assertThat(sip.outboundProxy()).isEqualTo("sip:ims.example:5060");
    assertThat(sip.maxBodyBytes()).isEqualTo(65536);
    assertThat(moved.host()).isEqualTo("0.0.0.0");
    assertThat(moved.port()).isEqualTo(5060);
    assertThat(moved.outboundProxy()).isEqualTo("sip:ims.example:5060");
  }

  @Test
  void load_sipListenWithoutAPort_isRefusedByName() throws IOException {
    Path file = Files.writeString(dir.resolve("bad-sip.yaml"), """
        sip:
          listen: "127.0.0.1:sip"
        """);

    assertThatThrownBy(() -> PlatformConfig.load(Map.of("OPENMAAP_CONFIG", file.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sip.listen must be host:port");
  }

  @Test
  void load_smscHostInTheEnvironment_makesTheSmscExternal_andModeOffTurnsSmsOff()
      throws IOException {
    SmsConfig external = PlatformConfig.load(Map.of("OPENMAAP_SMSC_HOST", "10.0.0.5",
        "OPENMAAP_SMSC_PORT", "2777", "OPENMAAP_SMS_SOURCE", "10690001")).sms();
    SmsConfig off = PlatformConfig.load(Map.of("OPENMAAP_SMS_MODE", "off")).sms();

    assertThat(PlatformConfig.defaults().sms().mode()).isEqualTo(SmsConfig.Mode.EMBEDDED);
    assertThat(external.mode()).isEqualTo(SmsConfig.Mode.EXTERNAL);
    assertThat(external.smpp().host()).isEqualTo("10.0.0.5");
    assertThat(external.smpp().port()).isEqualTo(2777);
    assertThat(external.smpp().sourceAddress()).isEqualTo("10690001");
    assertThat(off.mode()).isEqualTo(SmsConfig.Mode.OFF);
  }

  @Test
  void load_environmentOverridingTheHost_keepsTheFilesInternationalSenderAsIs()
      throws IOException {
    Path file = Files.writeString(dir.resolve("sender.yaml"), """
        sms:
          source: "+8610690000"
          systemId: brand
        """);

    SmsConfig sms = PlatformConfig.load(Map.of("OPENMAAP_CONFIG", file.toString(),
        "OPENMAAP_SMSC_HOST", "10.0.0.5")).sms();

    assertThat(sms.smpp().host()).isEqualTo("10.0.0.5");
    assertThat(sms.smpp().systemId()).isEqualTo("brand");
    assertThat(sms.smpp().sourceAddress()).isEqualTo("8610690000");
    assertThat(sms.smpp().sourceTon()).isEqualTo(1);
  }

  @Test
  void load_unknownSmsSettingOrMode_isRefusedWithTheKnownOnes() throws IOException {
    Path typo = Files.writeString(dir.resolve("typo.json"), "{\"sms\": {\"hots\": \"x\"}}");
    Path mode = Files.writeString(dir.resolve("mode.json"), "{\"sms\": {\"mode\": \"cloud\"}}");

    assertThatThrownBy(() -> PlatformConfig.load(Map.of("OPENMAAP_CONFIG", typo.toString())))
        .hasMessageContaining("sms.hots").hasMessageContaining("host");
    assertThatThrownBy(() -> PlatformConfig.load(Map.of("OPENMAAP_CONFIG", mode.toString())))
        .hasMessageContaining("external, embedded or off");
  }

  @Test
  void load_unknownSetting_namesItAndTheKnownOnes() throws IOException {
    Path file = Files.writeString(dir.resolve("c.json"), "{\"prot\": 1}");

    assertThatThrownBy(() -> PlatformConfig.load(Map.of("OPENMAAP_CONFIG", file.toString())))
        .hasMessageContaining("unknown setting 'prot'").hasMessageContaining("port");
  }

  @Test
  void load_badValues_sayWhatIsWrong() throws IOException {
    Path file = Files.writeString(dir.resolve("c.json"), "{\"webhookTimeout\": \"soon\"}");

    assertThatThrownBy(() -> PlatformConfig.load(Map.of("OPENMAAP_CONFIG", file.toString())))
        .hasMessageContaining("webhookTimeout must be a duration");
    assertThatThrownBy(() -> PlatformConfig.load(Map.of("OPENMAAP_PORT", "eighty")))
        .hasMessageContaining("OPENMAAP_PORT");
    assertThatThrownBy(() -> PlatformConfig.load(Map.of("OPENMAAP_CONFIG", "/no/such.yaml")))
        .hasMessageContaining("/no/such.yaml");
  }

  @Test
  void withTokens_missingTokens_areGeneratedOnceAndKept() throws IOException {
    PlatformConfig config = PlatformConfig.defaults().withPortAndDataDir(0, dir);

    PlatformConfig first = Main.withTokens(config);
    PlatformConfig second = Main.withTokens(config);

    assertThat(first.adminToken()).hasSizeGreaterThan(30);
    assertThat(first.networkToken()).isNotEqualTo(first.adminToken());
    assertThat(second.adminToken()).isEqualTo(first.adminToken());
    assertThat(second.networkToken()).isEqualTo(first.networkToken());
    assertThat(new JsonObject(Files.readString(dir.resolve(Main.GENERATED_TOKENS)))
        .getString("adminToken")).isEqualTo(first.adminToken());
  }

  @Test
  void withTokens_configuredTokens_areUsedAndNothingIsWritten() throws IOException {
    PlatformConfig config = PlatformConfig.defaults().withPortAndDataDir(0, dir)
        .withTokens("a", "n");

    assertThat(Main.withTokens(config)).isEqualTo(config);
    assertThat(dir.resolve(Main.GENERATED_TOKENS)).doesNotExist();
  }
}
