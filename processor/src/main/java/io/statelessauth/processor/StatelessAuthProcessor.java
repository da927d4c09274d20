package io.statelessauth.processor;

import com.google.auto.service.AutoService;
import io.statelessauth.processor.base.AnnotationNames;
import io.statelessauth.processor.base.Diagnostics;
import io.statelessauth.processor.base.TypeFacts;
import io.statelessauth.processor.collect.AnnotatedElements;
import io.statelessauth.processor.collect.LocalHandlerScanner;
import io.statelessauth.processor.collect.RoundElements;
import io.statelessauth.processor.model.WiringPlan;
import io.statelessauth.processor.plan.WiringPlanner;
import io.statelessauth.processor.writing.SourceSink;
import io.statelessauth.processor.writing.WiringWriter;
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
 * <p>Each round runs three phases, each a package: {@code collect} the annotated types, deferring
 * by name those whose types another processor has yet to generate; {@code plan} what is ready, each
 * subject checked by {@code validation}, into a model; {@code writing} the plan. What every phase
 * shares (messages, reports, facts about types and elements, the annotations' values) is in
 * {@code base}.
 */
@AutoService(Processor.class)
public final class StatelessAuthProcessor extends AbstractProcessor {
  private final Function<Filer, SourceSink> sinks;
  private Diagnostics diagnostics;
  private LocalHandlerScanner localHandlers;
  private AnnotatedElements collector;
  private WiringPlanner planner;
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
    return AnnotationNames.all();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    TypeFacts typeFacts = new TypeFacts(environment.getElementUtils(), environment.getTypeUtils());
    diagnostics = new Diagnostics(environment.getMessager());
    localHandlers = LocalHandlerScanner.create(environment, diagnostics);
    collector = new AnnotatedElements(environment.getElementUtils(), typeFacts);
    planner = new WiringPlanner(environment.getElementUtils(), typeFacts, diagnostics);
    writer = new WiringWriter(environment.getElementUtils(), sinks.apply(environment.getFiler()), diagnostics);
  }

  /**
   * Collects the round's annotated types, plans what is ready and writes the plan. Never
   * throws, and never claims the annotations: claiming would hide the round from other processors
   * that support {@code "*"}.
   */
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      localHandlers.scan(round.getRootElements());
      RoundElements ready = collector.collect(round);
      WiringPlan plan = planner.plan(ready);
      writer.write(plan);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      diagnostics.printInternalError(e);
    }
    return false;
  }
}
