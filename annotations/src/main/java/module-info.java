/** The annotations read by the stateless-auth processor. */
module io.statelessauth.annotations {
  exports io.statelessauth.annotations;
}
