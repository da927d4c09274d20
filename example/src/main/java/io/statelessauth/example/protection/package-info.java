/**
 * What keeps one client from exhausting the service: throttles of logins and registrations per
 * name and per client address ({@code Throttle}, {@code ClientAddress}) and a bounded, fair queue
 * for password hashing ({@code HashSlots}). {@code accounts} applies them.
 */
package io.statelessauth.example.protection;
