package org.openmaap.card.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlsTest {

  @ParameterizedTest
  @ValueSource(strings = {"http://a.example", "HTTPS://a.example/x?y=1", "tel:+123",
      "sms:+123?body=hi", "geo:1,2", "mailto:a@example.com", "Geo:1,2;u=5"})
  void link_allowedScheme_isKept(String url) {
    assertThat(Urls.link(url)).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)", "jAvAsCrIpT:x", " https://a.example",
      "https://a.example ", "java\tscript:x", "\u0000https://a.example", "data:text/html,x",
      "vbscript:x", "file:///etc/passwd", "ftp://a.example", "//a.example", "a.example/x",
      ":x", "1http://a.example", "https\u0085://a.example", ""})
  void link_anythingElse_isNull(String url) {
    assertThat(Urls.link(url)).isNull();
  }

  @Test
  void image_nonHttpScheme_isNull() {
    assertThat(Urls.image("mailto:a@example.com")).isNull();
    assertThat(Urls.image("geo:1,2")).isNull();
    assertThat(Urls.image("https://a.example/x.png")).isEqualTo("https://a.example/x.png");
  }

  @Test
  void tel_phoneNumberWithSeparators_keepsThemButNotSpaces() {
    assertThat(Urls.tel("+49 (30) 123-456")).isEqualTo("tel:+49(30)123-456");
  }

  @Test
  void tel_notAPhoneNumber_isNull() {
    assertThat(Urls.tel("alert(1)")).isNull();
    assertThat(Urls.tel("12")).isNull();
    assertThat(Urls.tel("1+23")).isNull();
    assertThat(Urls.tel(null)).isNull();
  }

  @Test
  void sms_bodyIsPercentEncodedAsUtf8() {
    assertThat(Urls.sms("+8613800000001", "Caf\u00e9 & 2 \u2615?"))
        .isEqualTo("sms:+8613800000001?body=Caf%C3%A9%20%26%202%20%E2%98%95%3F");
  }

  @Test
  void geo_withRadius_addsUncertainty() {
    assertThat(Urls.geo(31.2304, 121.4737, 10.0)).isEqualTo("geo:31.2304,121.4737;u=10");
    assertThat(Urls.geo(0.00001, -0.5, null)).isEqualTo("geo:0.00001,-0.5");
  }

  @Test
  void geo_offTheEarth_isNull() {
    assertThat(Urls.geo(91.0, 0.0, null)).isNull();
    assertThat(Urls.geo(0.0, -180.5, null)).isNull();
    assertThat(Urls.geo(Double.NaN, 0.0, null)).isNull();
    assertThat(Urls.geo(null, 0.0, null)).isNull();
  }

  @Test
  void geoQuery_isPercentEncoded() {
    assertThat(Urls.geoQuery("tea & cake")).isEqualTo("geo:0,0?q=tea%20%26%20cake");
  }
}
