package io.statelessauth.example.protection;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * What the address throttles count a client by: an IPv4 address as it is, an IPv6 address by its
 * /64 network, since one host is commonly given a whole /64 and could otherwise make its
 * failures and registrations from as many addresses as it likes. An IPv4 address mapped into
 * IPv6 counts as the IPv4 address.
 */
public final class ClientAddress {

  private static final int NETWORK_BYTES = 8;

  private ClientAddress() {}

  /** The throttle key of {@code address}: {@code 192.0.2.1}, or {@code 2001:db8:0:1::/64}. */
  public static String key(InetAddress address) {
    if (address instanceof Inet4Address) {
      return address.getHostAddress();
    }
    byte[] network = Arrays.copyOf(address.getAddress(), 16);
    Arrays.fill(network, NETWORK_BYTES, network.length, (byte) 0);
    try {
      return Inet6Address.getByAddress(null, network, null).getHostAddress() + "/64";
    } catch (UnknownHostException e) {
      throw new IllegalStateException("16 bytes are an IPv6 address", e);
    }
  }
}
