package org.openmaap.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmscIdsTest {

  private final SmscIds ids = new SmscIds();

  @Test
  void find_hexSubmittedDecimalReceipted_submittedId() {
    ids.add("1A2B3C4D");

    assertThat(ids.find("439041101")).isEqualTo("1A2B3C4D");
  }

  @Test
  void find_decimalSubmittedHexReceipted_submittedId() {
    ids.add("439041101");

    assertThat(ids.find("1a2b3c4d")).isEqualTo("439041101");
  }

  @Test
  void find_caseAndLeadingZeros_ignored() {
    ids.add("00ab12");

    assertThat(ids.find("AB12")).isEqualTo("00ab12");
  }

  @Test
  void find_unknown_null() {
    ids.add("1A2B3C4D");

    assertThat(ids.find("ffff0000")).isNull();
  }

  @Test
  void find_conventionLearnt_preferredOverTheOtherReading() {
    ids.add("1A2B3C4D");
    ids.find("439041101"); // this SMSC prints hex ids in decimal
    ids.add("16");
    ids.add("10");

    // "16" is the id of the second message, but in decimal it is the hex id 10.
    assertThat(ids.find("16")).isEqualTo("10");
  }
}
