/**
 * The annotations that wire stateless-auth at compile time: {@link
 * io.statelessauth.annotations.TokenRequired} on handler methods, {@link
 * io.statelessauth.annotations.TokenLoader} and {@link io.statelessauth.annotations.UserLoader} on
 * the application's two loader classes.
 */
package io.statelessauth.annotations;
