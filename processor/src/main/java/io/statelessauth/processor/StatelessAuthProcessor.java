package io.statelessauth.processor;

import com.google.auto.service.AutoService;
import io.statelessauth.annotations.TokenLoader;
import io.statelessauth.annotations.TokenRequired;
import io.statelessauth.annotations.UserLoader;
import io.statelessauth.processor.model.WiringPlan;
import io.statelessauth.processor.validation.LocalHandlerScanner;
import io.statelessauth.processor.validation.Messages;
import io.statelessauth.processor.validation.RoundElements;
import io.statelessauth.processor.validation.TypeFacts;
import io.statelessauth.processor.validation.WiringValidator;
import io.statelessauth.processor.writing.SourceSink;
import io.statelessauth.processor.writing.WiringWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * The stateless-auth annotation processor. It checks that the {@code @TokenLoader}, the
 * {@code @UserLoader} and every {@code @TokenRequired} method fit together, reporting each mistake
 * on the element at fault, and generates {@code StatelessAuthManager} beside the token loader and
 * {@code Authenticated<Name>} beside each class with handlers. Put it on the annotation processor
 * path only; nothing of it is needed at run time.
 *
 * <p>Each round runs three phases: collect the annotated types, deferring by name those whose
 * types another processor has yet to generate; validate what is ready into a plan; write the
 * plan.
 */
@AutoService(Processor.class)
public final class StatelessAuthProcessor extends AbstractProcessor {
  private final Function<Filer, SourceSink> sinks;
  private LocalHandlerScanner localHandlers;
  private AnnotatedElements annotated;
  private WiringValidator validator;
  private WiringWriter writer;

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
    localHandlers = LocalHandlerScanner.create(environment);
    annotated = new AnnotatedElements(
        environment.getElementUtils(), new TypeFacts(environment.getElementUtils(), environment.getTypeUtils()));
    validator = new WiringValidator(environment);
    writer = new WiringWriter(environment, sinks.apply(environment.getFiler()));
  }

  /**
   * Collects the round's annotated types, validates what is ready into a plan and writes it. Never
   * throws, and never claims the annotations: claiming would hide the round from other processors
   * that support {@code "*"}.
   */
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      localHandlers.scan(round.getRootElements());
      RoundElements ready = annotated.collect(round);
      WiringPlan plan = validator.validate(ready);
      writer.write(plan);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      Messages message = Messages.INTERNAL_ERROR;
      processingEnv.getMessager().printMessage(message.kind(), message.format("a round", trace));
    }
    return false;
  }
}
