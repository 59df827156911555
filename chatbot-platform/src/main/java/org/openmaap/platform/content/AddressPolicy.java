package org.openmaap.platform.content;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which addresses a {@code fileUrl} fetch may connect to: public unicast only, so that a chatbot
 * cannot make the platform read its own loopback services, the operator's private network or a
 * cloud metadata endpoint; unless the config allows internal addresses, or names networks that
 * may be reached anyway.
 */
final class AddressPolicy {

  // Ordered: the first match names the refusal, so the metadata address comes before link-local.
  private static final List<Map.Entry<Cidr, String>> INTERNAL = List.of(
      internal("169.254.169.254/32", "the cloud metadata address"),
      internal("fd00:ec2::254/128", "the cloud metadata address"),
      internal("0.0.0.0/8", "a 'this network' address"),
      internal("10.0.0.0/8", "a private address"),
      internal("100.64.0.0/10", "a carrier-grade NAT address"),
      internal("127.0.0.0/8", "a loopback address"),
      internal("169.254.0.0/16", "a link-local address"),
      internal("172.16.0.0/12", "a private address"),
      internal("192.0.0.0/24", "an IETF protocol address"),
      internal("192.0.2.0/24", "a documentation address"),
      internal("192.168.0.0/16", "a private address"),
      internal("198.18.0.0/15", "a benchmarking address"),
      internal("198.51.100.0/24", "a documentation address"),
      internal("203.0.113.0/24", "a documentation address"),
      internal("224.0.0.0/4", "a multicast address"),
      internal("240.0.0.0/4", "a reserved address"),
      internal("::/128", "the unspecified address"),
      internal("::1/128", "a loopback address"),
      internal("100::/64", "a discard address"),
      internal("2001::/32", "a Teredo tunnel address"),
      internal("2001:db8::/32", "a documentation address"),
      internal("fc00::/7", "a private (unique local) address"),
      internal("fe80::/10", "a link-local address"),
      internal("fec0::/10", "a site-local address"),
      internal("ff00::/8", "a multicast address"));

  private final boolean allowInternal;
  private final List<Cidr> allowed;

  AddressPolicy(boolean allowInternal, List<String> allowedNetworks) {
    this.allowInternal = allowInternal;
    this.allowed = allowedNetworks.stream().map(Cidr::parse).toList();
  }

  /** Why the platform must not connect to this address, or empty when it may. */
  Optional<String> refusal(InetAddress address) {
    if (allowInternal || allowed.stream().anyMatch(network -> network.contains(address))) {
      return Optional.empty();
    }
    Optional<InetAddress> embedded = embeddedIpv4(address);
    if (embedded.isPresent()) {
      return refusal(embedded.get());
    }
    return INTERNAL.stream().filter(entry -> entry.getKey().contains(address))
        .map(Map.Entry::getValue).findFirst();
  }

  /**
   * The IPv4 address inside an IPv6 one that carries it (mapped, compatible, NAT64, 6to4): the
   * connection ends at that IPv4 address, so that is the one to judge.
   */
  private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return Optional.empty();
    }
    byte[] bytes = address.getAddress();
    byte[] v4 = null;
    boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    boolean compatible = bytes[10] == 0 && bytes[11] == 0 && !isZeroOrOne(bytes);
    if (startsWith(bytes, new byte[10], 0) && (mapped || compatible)) {
      v4 = Arrays.copyOfRange(bytes, 12, 16);
    } else if (startsWith(bytes, new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0,
        0, 0}, 0)) {
      v4 = Arrays.copyOfRange(bytes, 12, 16);
    } else if (bytes[0] == 0x20 && bytes[1] == 0x02) {
      v4 = Arrays.copyOfRange(bytes, 2, 6);
    }
    if (v4 == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByAddress(v4));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix, int from) {
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  // :: and ::1 are themselves, not IPv4-compatible addresses.
  private static boolean isZeroOrOne(byte[] bytes) {
    for (int i = 12; i < 15; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[15] == 0 || bytes[15] == 1;
  }

  private static Map.Entry<Cidr, String> internal(String network, String label) {
    return Map.entry(Cidr.parse(network), label);
  }
}
