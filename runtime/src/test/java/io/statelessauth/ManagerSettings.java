package io.statelessauth;

/** The runtime's settings without loader setters, for the tests' own managers over plain functions. */
final class ManagerSettings extends ManagerBuilder<ManagerSettings> {}
