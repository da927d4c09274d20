/**
 * The first phase of a round: {@link io.statelessauth.processor.collect.AnnotatedElements} gathers
 * the annotated types of the compilation, keeps by name in a {@code Deferral} those whose types
 * another processor has yet to generate, and hands on what is ready as {@link
 * io.statelessauth.processor.collect.RoundElements}; {@link
 * io.statelessauth.processor.collect.LocalHandlerScanner} finds handlers in local and anonymous
 * classes, which only javac's syntax trees show.
 */
package io.statelessauth.processor.collect;
