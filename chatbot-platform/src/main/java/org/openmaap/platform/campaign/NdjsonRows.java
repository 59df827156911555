package org.openmaap.platform.campaign;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import org.openmaap.platform.campaign.NewCampaign.Refused;

/** An NDJSON file of recipients: one {@code {"userContact", "vars"}} object a line. */
final class NdjsonRows implements FileRows {

  @Override
  public Row line(long number, String text) {
    if (text.isBlank()) {
      return null;
    }
    Object value;
    try {
      value = Json.decodeValue(text);
    } catch (DecodeException e) {
      return new Row(number, new Refused(null, "not JSON: "
          + e.getMessage().lines().findFirst().orElse("")));
    }
    return new Row(number, NewCampaign.check(value));
  }

  @Override
  public Row end() {
    return null;
  }
}
