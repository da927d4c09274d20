/**
 * Generation only: turns a {@link io.statelessauth.processor.model.WiringPlan} into {@code
 * StatelessAuthManager} and {@code Authenticated<Name>} source files with JavaPoet, never checking
 * anything again.
 */
package io.statelessauth.processor.writing;
