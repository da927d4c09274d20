package io.statelessauth.processor;

import com.google.auto.service.AutoService;
import io.statelessauth.annotations.TokenLoader;
import io.statelessauth.annotations.TokenRequired;
import io.statelessauth.annotations.UserLoader;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The stateless-auth annotation processor. It checks that the {@code @TokenLoader}, the
 * {@code @UserLoader} and every {@code @TokenRequired} method fit together, reporting each mistake
 * as a compile error on the element at fault, and generates {@code StatelessAuthManager} beside the
 * token loader and {@code Authenticated<Name>} beside each class with handlers. Put it on the
 * annotation processor path only; nothing of it is needed at run time.
 */
@AutoService(Processor.class)
public final class StatelessAuthProcessor extends AbstractProcessor {
  private final Function<Filer, SourceSink> sinks;
  private Diagnostics diagnostics;
  private NameRegistry names;
  private LocalHandlerScanner localHandlers;
  private Loaders loaders;
  private Handlers handlers;

  /** The processor as javac finds it on the processor path. */
  public StatelessAuthProcessor() {
    this(filer -> file -> file.writeTo(filer));
  }

  /** A processor that writes its files to the sink made from the Filer; for tests. */
  StatelessAuthProcessor(Function<Filer, SourceSink> sinks) {
    this.sinks = sinks;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(
        TokenRequired.class.getCanonicalName(),
        TokenLoader.class.getCanonicalName(),
        UserLoader.class.getCanonicalName());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    Elements elements = environment.getElementUtils();
    TypeFacts typeFacts = new TypeFacts(elements, environment.getTypeUtils());
    GeneratedNames generatedNames = new GeneratedNames(elements);
    diagnostics = new Diagnostics(environment.getMessager());
    Generation generation = new Generation(elements, sinks.apply(environment.getFiler()), diagnostics);
    names = new NameRegistry(diagnostics);
    localHandlers = LocalHandlerScanner.create(environment);
    loaders =
        new Loaders(
            elements,
            typeFacts,
            new LoaderPairValidator(elements, typeFacts, generatedNames, names, diagnostics),
            new ManagerGenerator(typeFacts, generation),
            diagnostics);
    handlers =
        new Handlers(
            elements,
            typeFacts,
            new HandlerClassValidator(elements, typeFacts, generatedNames, names, diagnostics),
            new AuthenticatedGenerator(typeFacts, generation),
            diagnostics);
  }

  /**
   * Collects the round's elements, then validates, models and generates what is ready; at the end
   * of processing, reports what never could be. Never throws, and never claims the annotations:
   * claiming would hide the round from other processors that support {@code "*"}.
   */
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      names.declare(round.getRootElements());
      localHandlers.scan(round.getRootElements());
      loaders.collect(round);
      handlers.collect(round);
      loaders.pair();
      handlers.process(loaders);
      if (round.processingOver()) {
        loaders.finish(round.errorRaised());
        handlers.finish(loaders, round.errorRaised());
      }
    } catch (RuntimeException | LinkageError | AssertionError e) {
      diagnostics.internalError(null, e);
    }
    return false;
  }
}
