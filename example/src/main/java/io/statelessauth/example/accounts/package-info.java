/**
 * Who has an account and how they prove it: registration and login ({@code Accounts}, from the
 * {@code Credentials} of a request body), the rules of user names ({@code Names}), password
 * hashing ({@code Passwords}), and the administrator role given at start-up ({@code
 * AdminGrants}). The accounts are kept in {@code storage}; {@code protection} bounds how often and
 * how much a client may try.
 */
package io.statelessauth.example.accounts;
