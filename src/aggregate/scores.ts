// Scores computed from merged tallies.

import { compareCodeUnits } from '../text/compare.js';
import type { TermStat } from './tally.js';

/**
 * Smoothed inverse document frequency, ln((1 + N) / (1 + df)) + 1: never zero, so a one-document
 * run still ranks its terms, and a term in every document keeps weight 1.
 */
export function idf(documents: number, docFrequency: number): number {
  return Math.log((1 + documents) / (1 + docFrequency)) + 1;
}

/** TF-IDF of a term over a set of documents: its count there × its corpus idf */
export function tfidf(count: number, documents: number, docFrequency: number): number {
  return count * idf(documents, docFrequency);
}

/** rounded for output, so the printed figure is the same on every machine */
export function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export interface RankedTerm {
  term: string;
  stat: TermStat;
  tfidf: number;
}

/** terms by TF-IDF within a group, ties by count then code-unit order */
export function rankTerms(terms: Map<string, TermStat>, corpusTerms: Map<string, TermStat>, corpusDocuments: number): RankedTerm[] {
  const ranked: RankedTerm[] = [];
  for (const [term, stat] of terms) {
    const df = corpusTerms.get(term)?.docs ?? stat.docs;
    ranked.push({ term, stat, tfidf: round(tfidf(stat.count, corpusDocuments, df)) });
  }
  return ranked.sort((a, b) => b.tfidf - a.tfidf || b.stat.count - a.stat.count || compareCodeUnits(a.term, b.term));
}
