package org.openmaap.platform.campaign;

import org.openmaap.platform.campaign.NewCampaign.Checked;

/** The rows of a recipients file, read line by line as it arrives: CSV or NDJSON. */
interface FileRows {

  /** A row, the number of the line it starts on, and its recipient or why it is refused. */
  record Row(long line, Checked checked) {}

  /**
   * The row that line {@code number} ends, or null when it ends none (a header, a blank line, a
   * line inside a quoted field); a header that cannot serve fails with an ApiError (400).
   */
  Row line(long number, String text);

  /** The file ended: a row left unfinished, or null; a file that cannot serve fails (400). */
  Row end();
}
