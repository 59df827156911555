package org.openmaap.card.model;

/** {@code {"sharedData": ...}}: what a device shares after a requestDeviceSpecifics action. */
public record SharedClientData(SharedClientData.SharedData sharedData) implements Document {

  /** The shared data envelope. */
  public record SharedData(DeviceSpecifics deviceSpecifics) {}

  /** The device's model, platform and client versions, and battery. */
  public record DeviceSpecifics(
      String deviceModel,
      String platformVersion,
      String clientVendor,
      String clientVersion,
      Long batteryRemainingMinutes) {}
}
