package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmaap.card.validation.Code;
import org.openmaap.card.validation.Severity;
import org.openmaap.card.validation.Violation;
import org.openmaap.platform.failure.Conflict;
import org.openmaap.platform.failure.Invalid;
import org.openmaap.platform.failure.NotFound;
import org.openmaap.platform.failure.Refusal;
import org.openmaap.platform.failure.TooLarge;
import org.openmaap.platform.failure.Unauthenticated;
import org.openmaap.platform.failure.UnsupportedType;

class ApiErrorTest {

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @MethodSource("everyRefusal")
  void of_eachRefusal_statusAndCodeOfApiMdWithItsMessage(String kind, int status, String code,
      Refusal refusal) {
    ApiError error = ApiError.of(refusal);

    assertThat(error.status()).isEqualTo(status);
    assertThat(error.code()).isEqualTo(code);
    assertThat(error.getMessage()).isEqualTo(refusal.getMessage());
    assertThat(error.violations()).isEmpty();
    assertThat(error.retryAfterSeconds()).isNull();
  }

  @Test
  void of_invalidWithViolations_400CarryingThem() {
    Violation tooLong = new Violation("/RCSMessage/textMessage", Code.TOO_LONG,
        "textMessage has 3000 characters; the limit is 2048", Severity.ERROR);
    Invalid invalid = new Invalid("invalid_message", "the message has 1 problem(s)",
        List.of(tooLong));

    ApiError error = ApiError.of(invalid);

    assertThat(error.status()).isEqualTo(400);
    assertThat(error.code()).isEqualTo("invalid_message");
    assertThat(error.violations()).containsExactly(tooLong);
  }

  static Stream<Arguments> everyRefusal() {
    return Stream.of(
        Arguments.of("NotFound", 404, "not_found", new NotFound("no chatbot 'ghost'")),
        Arguments.of("Conflict", 409, "conflict",
            new Conflict("msgId 'm1' was already used for another message; use a new msgId")),
        Arguments.of("Invalid", 400, "bad_phone",
            new Invalid("bad_phone", "'12' is not a phone number in E.164")),
        Arguments.of("Unauthenticated", 401, "unauthorized",
            new Unauthenticated("the client id or secret is wrong")),
        Arguments.of("TooLarge (a file)", 413, "too_large",
            new TooLarge("too_large", "the file is larger than the 100 bytes accepted")),
        Arguments.of("TooLarge (a quota)", 413, "quota_exceeded",
            new TooLarge("quota_exceeded", "chatbot 'shop' stores 90 bytes of its quota of 100")),
        Arguments.of("UnsupportedType", 415, "unsupported_media_type",
            new UnsupportedType("the platform does not keep text/html files")));
  }
}
