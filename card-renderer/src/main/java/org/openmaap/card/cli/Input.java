package org.openmaap.card.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.openmaap.card.dialect.Dialects;
import org.openmaap.card.validation.Validation;


/** Reads the FILE|- argument of a command and validates what it holds (GSMA, CT/CU or CMCC). */
final class Input {

  /** A file that cannot be read, reported with exit status 2. */
  static final class Unreadable extends Exception {
    Unreadable(String message) {
      super(message);
    }
  }

  private Input() {}

  static Validation validate(String file, InputStream stdin) throws Unreadable {
    try (InputStream in = open(file, stdin)) {
      return Dialects.validate(in);
    } catch (NoSuchFileException e) {
      throw new Unreadable("no such file: " + file);
    } catch (IOException | UncheckedIOException e) {
      throw new Unreadable("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static InputStream open(String file, InputStream stdin) throws IOException {
    if (!"-".equals(file)) {
      return Files.newInputStream(Path.of(file));
    }
    return new FilterInputStream(stdin) {
      @Override
      public void close() {
        // Standard input belongs to the caller.
      }
    };
  }
}
