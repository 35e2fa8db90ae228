package org.lrsearch.api;

/**
 * A run of consecutive iterations that committed the same learning rate: the compact form of an
 * LR trace ({@code lr} NaN where an iteration made no update).
 *
 * @param from first iteration, inclusive
 * @param to   last iteration, inclusive
 * @param lr   the learning rate
 *
 * @since 0.1
 */
public record LrSegment(int from, int to, double lr) {
}
