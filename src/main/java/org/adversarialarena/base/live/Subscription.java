package org.adversarialarena.base.live;

/** Stops a subscription. Closing twice does no harm. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
