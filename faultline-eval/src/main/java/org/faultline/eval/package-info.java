/**
 * Scoring coded events against sentence-level gold: precision, recall and F1 at type, tuple and dyad
 * level, micro-averaged over documents. The headline figures are defined to equal those of the project's
 * reference scorer {@code tools/score_events.py}; {@link org.faultline.eval.Scorer} documents the rules and
 * the few inputs on which the two deliberately differ.
 */
package org.faultline.eval;
