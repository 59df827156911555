package org.openmaap.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseUrlTest {

  @Test
  void parse_fullUrl_readsEveryPart() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://bob:s3cret@db.example:6543/maap");

    assertThat(url).isEqualTo(
        new DatabaseUrl("db.example", 6543, "maap", "bob", "s3cret", Map.of()));
  }

  @Test
  void parse_postgresScheme_isTheSame() {
    assertThat(DatabaseUrl.parse("postgres://bob:pw@localhost:5432/maap"))
        .isEqualTo(DatabaseUrl.parse("postgresql://bob:pw@localhost:5432/maap"));
  }

  @Test
  void parse_noPort_defaultsTo5432() {
    assertThat(DatabaseUrl.parse("postgresql://bob:pw@localhost/maap").port()).isEqualTo(5432);
  }

  @Test
  void parse_noPassword_hasNone() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://bob@localhost/maap");

    assertThat(url.password()).isNull();
    assertThat(url.redacted()).isEqualTo("postgresql://bob@localhost:5432/maap");
  }

  @Test
  void parse_percentEncodedLogin_decodesItButKeepsPlus() {
    DatabaseUrl url =
        DatabaseUrl.parse("postgresql://b%40b:p%3Aw%2F%3F%25+%C3%A9@localhost/m%20db");

    assertThat(url.user()).isEqualTo("b@b");
    assertThat(url.password()).isEqualTo("p:w/?%+é");
    assertThat(url.database()).isEqualTo("m db");
  }

  @Test
  void parse_unencodedAtInPassword_splitsAtTheLastAt() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://bob:p@ss@localhost/maap");

    assertThat(url.password()).isEqualTo("p@ss");
    assertThat(url.host()).isEqualTo("localhost");
  }

  @Test
  void parse_params_keepsThemDecodedAndInOrder() {
    DatabaseUrl url = DatabaseUrl.parse(
        "postgresql://bob:pw@localhost/maap?sslmode=require&currentSchema=t_1&options=-c%20a%3Db");

    assertThat(url.params()).containsExactly(Map.entry("sslmode", "require"),
        Map.entry("currentSchema", "t_1"), Map.entry("options", "-c a=b"));
  }

  @Test
  void parse_ipv6Host_keepsTheBrackets() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://bob:pw@[::1]:5433/maap");

    assertThat(url.host()).isEqualTo("[::1]");
    assertThat(url.port()).isEqualTo(5433);
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/maap");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      mysql://bob:hunter2@localhost/maap         | must start with postgresql:// or postgres://
      postgresql://localhost/maap                | names no user
      postgresql://:hunter2@localhost/maap       | names no user
      postgresql://bob:hunter2@/maap             | names no host
      postgresql://bob:hunter2@localhost:5432    | names no database
      postgresql://bob:hunter2@localhost/        | names no database
      postgresql://bob:hunter2@localhost/a/b     | path must be one database name
      postgresql://bob:hunter2@localhost:x/maap  | port must be a number, not 'x'
      postgresql://bob:hunter2@localhost:0/maap  | port must be from 1 to 65535, not 0
      postgresql://bob:hunter2%@localhost/maap   | password has a % not followed by two hex digits
      postgresql://bob:hunter2@localhost/maap#x  | must not have a #fragment
      postgresql://bob:hunter2@localhost/maap?=1 | a parameter with no name
      """)
  void parse_badUrl_namesWhatIsWrongButNotThePassword(String url, String problem) {
    assertThatThrownBy(() -> DatabaseUrl.parse(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem)
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void jdbcUrl_givesHostPortDatabaseAndParamsButNoLogin() {
    DatabaseUrl url = DatabaseUrl.parse(
        "postgresql://bob:pw@localhost:5432/m%20db?currentSchema=t_1&options=-c%20a%3Db");

    assertThat(url.jdbcUrl())
        .isEqualTo("jdbc:postgresql://localhost:5432/m%20db?currentSchema=t_1&options=-c%20a%3Db");
  }

  @Test
  void redacted_hidesThePasswordOnly() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://bob:hunter2@localhost/maap?sslmode=require");

    assertThat(url.redacted())
        .isEqualTo("postgresql://bob:***@localhost:5432/maap?sslmode=require");
    assertThat(url).hasToString(url.redacted());
  }

  @Test
  void url_readsBackToTheSameUrl() {
    DatabaseUrl url =
        DatabaseUrl.parse("postgresql://b%40b:p%3Aw%2F%3F%25+@localhost/maap?a=1%262");

    assertThat(DatabaseUrl.parse(url.url())).isEqualTo(url);
  }

  @Test
  void withParam_addsOrReplacesInPlace() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://bob:pw@localhost/maap?a=1&b=2");

    assertThat(url.withParam("a", "3").withParam("c", "4").params())
        .containsExactly(Map.entry("a", "3"), Map.entry("b", "2"), Map.entry("c", "4"));
  }
}
