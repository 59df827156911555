package org.openmaap.card.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelsTest {

  @ParameterizedTest
  @CsvSource({"0, 0 B", "999, 999 B", "1000, 1 kB", "9120, 9.1 kB", "88213, 88 kB",
      "182044, 182 kB", "999600, 1 MB", "2400000, 2.4 MB", "104857600, 105 MB",
      "5000000000, 5 GB"})
  void size_bytes_readLikeAPhone(long bytes, String expected) {
    assertThat(Labels.size(bytes)).isEqualTo(expected);
  }

  @Test
  void size_nullOrNegative_isNull() {
    assertThat(Labels.size(null)).isNull();
    assertThat(Labels.size(-1L)).isNull();
  }

  @ParameterizedTest
  @CsvSource({"boarding-pass.pdf, application/pdf, PDF", ", application/pdf, PDF",
      ", audio/mpeg, MP3", ", audio/mp4, M4A", "notes, text/plain, Text",
      "x.tar.gz, application/gzip, GZ", ", application/x-zip, ZIP",
      "report.docx, application/octet-stream, DOCX",
      ", application/vnd.ms-excel, application/vnd.ms-excel"})
  void type_nameOrMime_givesAShortType(String name, String mime, String expected) {
    assertThat(Labels.type(name, mime)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"0, 0:00", "9, 0:09", "75, 1:15", "3600, 1:00:00", "3725, 1:02:05"})
  void duration_seconds_isMinutesAndSeconds(long seconds, String expected) {
    assertThat(Labels.duration(seconds)).isEqualTo(expected);
  }
}
