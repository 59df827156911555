package org.openmaap.platform.store;

import java.time.Instant;
import java.util.List;

/** A provisioned RCS device: its number and the features it supports. */
public record DeviceRow(String msisdn, List<String> features, Instant provisionedAt) {}
