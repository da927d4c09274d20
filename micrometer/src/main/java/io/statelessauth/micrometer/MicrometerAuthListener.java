package io.statelessauth.micrometer;

import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.statelessauth.AuthFailure;
import io.statelessauth.AuthListener;
import io.statelessauth.StatelessAuthError;
import java.util.Locale;
import java.util.Objects;

/**
 * An {@link AuthListener} that counts authentication outcomes in a Micrometer {@link
 * MeterRegistry}: the counter {@code stateless.auth.requests} (in Prometheus {@code
 * stateless_auth_requests_total}) tagged {@code outcome} ({@code authorized}, {@code anonymous} or
 * {@code refused}) and {@code reason} (the refusal's {@link AuthFailure} in lower case, such as
 * {@code unknown_token}, or {@code none} when the request was not refused).
 *
 * <p>Every counter is registered by the constructor, one per outcome and reason, so that every
 * series exists from the start at zero and counting a request is one increment of a counter
 * already found: no lookup, no allocation. Tag values come from that fixed set only, never from
 * the request: no token, user name or path can reach a meter, and the number of series cannot
 * grow.
 *
 * <p>It counts what the manager tells it: a request authorized and then refused by its handler
 * (an exception, or a {@link StatelessAuthError} from the handler or another listener) counts as
 * {@code authorized} and then as {@code refused}. One listener may serve several managers; to run
 * it beside another listener, combine them with {@link AuthListener#all}.
 */
public final class MicrometerAuthListener implements AuthListener {
  private static final String NAME = "stateless.auth.requests";
  private static final String DESCRIPTION =
      "Requests to routes that take a token, by authentication outcome and, for refusals, the reason";
  private static final String NOT_REFUSED = "none";

  private final Counter authorized;
  private final Counter anonymous;
  /** One counter per refusal reason, at the index of its {@link AuthFailure#ordinal()}. */
  private final Counter[] refused;

  /**
   * A listener whose counters are registered in {@code registry} now; a registry that has them
   * already (from another listener) gives the same counters, so both count together.
   */
  public MicrometerAuthListener(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    authorized = register(registry, "authorized", NOT_REFUSED);
    anonymous = register(registry, "anonymous", NOT_REFUSED);
    AuthFailure[] reasons = AuthFailure.values();
    refused = new Counter[reasons.length];
    for (AuthFailure reason : reasons) {
      refused[reason.ordinal()] = register(registry, "refused", reason.name().toLowerCase(Locale.ROOT));
    }
  }

  /** Counts an authorized request. */
  @Override
  public void onAuthorized(HttpExchange exchange, Object user) {
    authorized.increment();
  }

  /** Counts a request that runs anonymously on an optional route. */
  @Override
  public void onAnonymous(HttpExchange exchange) {
    anonymous.increment();
  }

  /** Counts a refused request under the {@link StatelessAuthError#reason()} of {@code error}. */
  @Override
  public void onUnauthorized(HttpExchange exchange, StatelessAuthError error) {
    refused[error.reason().ordinal()].increment();
  }

  private static Counter register(MeterRegistry registry, String outcome, String reason) {
    return Counter.builder(NAME)
        .description(DESCRIPTION)
        .tag("outcome", outcome)
        .tag("reason", reason)
        .register(registry);
  }
}
