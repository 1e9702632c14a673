/**
 * Message filtering for subscriptions, with RocketMQ's semantics: tag expressions
 * ({@code TagA || TagB}, pre-checked by tag hash on the consume queue) and SQL92 property
 * filters (RocketMQ's JMS-selector subset). Entry point: {@link io.mq.broker.filter.SubscriptionFilter#of}.
 *
 * <p>Where we knowingly differ from RocketMQ 5.2.0 (checked against its parser):
 * <ul>
 *   <li>A bare property ({@code a}) or literal is a syntax error; RocketMQ accepts it and never matches.</li>
 *   <li>Trailing input ({@code a = 1 b}, {@code a = 0x10}) is a syntax error; RocketMQ ignores it.</li>
 *   <li>Refused, though RocketMQ's grammar takes them: a sign before anything but a number
 *       ({@code -b}, {@code --5}), a parenthesised value ({@code (a) = 1}), and a comparison of
 *       comparisons ({@code a = 1 = 1}, {@code a IN ('x') = TRUE}).</li>
 *   <li>{@code NOT} applies to a whole predicate as in standard SQL: {@code NOT a = 1} is
 *       {@code NOT (a = 1)}; RocketMQ binds it to {@code a} alone, which makes such filters never match.</li>
 *   <li>A property that does not parse as the number it is compared with makes the comparison
 *       UNKNOWN; RocketMQ throws, which rejects the message even under {@code OR}.</li>
 *   <li>{@code a = b} with both properties absent is UNKNOWN; RocketMQ finds null equal to null.</li>
 *   <li>A tag expression with no tag left after trimming ({@code ||}) selects all; RocketMQ's
 *       broker selects nothing for it.</li>
 * </ul>
 */
package io.mq.broker.filter;
