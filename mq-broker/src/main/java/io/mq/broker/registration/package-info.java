/**
 * The broker's side of the name server: {@link io.mq.broker.registration.NameServerRegistrar} registers the
 * broker and its topics with every name server periodically and on demand, and unregisters it on shutdown.
 */
package io.mq.broker.registration;
