package io.statelessauth.micrometer;

import io.statelessauth.AbstractStatelessAuthManager;
import io.statelessauth.ManagerBuilder;
import io.statelessauth.ModelMixins;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A manager written by hand as the processor generates one, with in-memory loaders whose data and
 * failures each test sets: the real runtime decides every outcome the listener is told of.
 */
final class Directory extends AbstractStatelessAuthManager<Badge, Member> {
  private final Map<String, Badge> badges = new ConcurrentHashMap<>();
  private final Map<String, Member> members = new ConcurrentHashMap<>();
  private final AtomicReference<RuntimeException> tokenLoaderFailure = new AtomicReference<>();

  private Directory(Builder builder) {
    super(ModelMixins.TOKEN_AND_USER, builder);
  }

  /** A builder, as the generated {@code StatelessAuthManager.builder()} gives, minus the loader setters. */
  static Builder builder() {
    return new Builder();
  }

  /** Makes {@code token} stand for {@code badge}. */
  Directory badge(String token, Badge badge) {
    badges.put(token, badge);
    return this;
  }

  /** Makes {@code member} known to the user loader. */
  Directory member(Member member) {
    members.put(member.name(), member);
    return this;
  }

  /** Makes the token loader throw {@code failure} on every call. */
  Directory failTokenLoads(RuntimeException failure) {
    tokenLoaderFailure.set(failure);
    return this;
  }

  /** Forgets every token, user and failure, and empties the cache if there is one. */
  void forgetEverything() {
    badges.clear();
    members.clear();
    tokenLoaderFailure.set(null);
    invalidateAll();
  }

  @Override
  protected Badge loadToken(String token, String tokenType, String authType) {
    RuntimeException failure = tokenLoaderFailure.get();
    if (failure != null) {
      throw failure;
    }
    return badges.get(token);
  }

  @Override
  protected Member loadUser(Badge token) {
    return members.get(token.userName());
  }

  /** Collects the settings; {@link #build()} makes the manager. */
  static final class Builder extends ManagerBuilder<Builder> {
    private Builder() {}

    Directory build() {
      return new Directory(this);
    }
  }
}
