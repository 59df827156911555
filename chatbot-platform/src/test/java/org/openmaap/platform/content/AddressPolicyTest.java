package org.openmaap.platform.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

  private final AddressPolicy strict = new AddressPolicy(false, List.of());

  @ParameterizedTest
  @CsvSource({
      "127.0.0.1, loopback",
      "127.255.0.9, loopback",
      "::1, loopback",
      "10.20.30.40, private",
      "172.16.0.1, private",
      "172.31.255.255, private",
      "192.168.0.10, private",
      "fd12:3456::1, private",
      "169.254.169.254, metadata",
      "fd00:ec2::254, metadata",
      "169.254.1.1, link-local",
      "fe80::1, link-local",
      "100.100.100.200, carrier-grade NAT",
      "0.0.0.0, this network",
      "::, unspecified",
      "224.0.0.1, multicast",
      "255.255.255.255, reserved",
      "::ffff:127.0.0.1, loopback",
      "::ffff:a9fe:a9fe, metadata",
      "64:ff9b::a00:1, private",
      "2002:7f00:1::, loopback",
      "::10.0.0.1, private"})
  void internalAddresses_areRefused_withAReasonThatNamesThem(String address, String reason)
      throws UnknownHostException {
    assertThat(strict.refusal(InetAddress.getByName(address))).hasValueSatisfying(
        refusal -> assertThat(refusal).contains(reason));
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "2606:4700::1111",
      "64:ff9b::808:808", "::ffff:8.8.8.8"})
  void publicAddresses_areAllowed(String address) throws UnknownHostException {
    assertThat(strict.refusal(InetAddress.getByName(address))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.20.0.1", "10.20.255.255"})
  void namedNetworks_areAllowed_andOnlyThey(String address) throws UnknownHostException {
    AddressPolicy policy = new AddressPolicy(false, List.of("10.20.0.0/16"));

    assertThat(policy.refusal(InetAddress.getByName(address))).isEmpty();
    assertThat(policy.refusal(InetAddress.getByName("10.21.0.1"))).isPresent();
    assertThat(policy.refusal(InetAddress.getByName("169.254.169.254"))).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "169.254.169.254", "::1"})
  void allowInternal_allowsEverything(String address) throws UnknownHostException {
    assertThat(new AddressPolicy(true, List.of()).refusal(InetAddress.getByName(address)))
        .isEmpty();
  }
}
