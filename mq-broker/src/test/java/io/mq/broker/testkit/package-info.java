/**
 * Helpers shipped in the mq-broker test-jar for other modules' tests, e.g. a broker to run in a forked JVM.
 */
package io.mq.broker.testkit;
