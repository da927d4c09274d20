/**
 * The command line: the flags ({@code Cli}, read by picocli), the {@code Settings} they make,
 * which the other packages read, and the scripted client session {@code --demo} runs ({@code
 * Demo}).
 */
package io.statelessauth.example.cli;
