package io.statelessauth.example.testsupport;

import io.statelessauth.example.accounts.Accounts;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Client addresses for tests that call {@link Accounts} directly. */
public final class InetAddresses {

  private InetAddresses() {}

  /** The address written {@code literal} (an IPv4 or IPv6 literal: no name is looked up). */
  public static InetAddress of(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }
}
