/**
 * How many of the most recently added matching records search and theme suggestions rank. bm25
 * scores every record it ranks, and a word in most of twenty years' records (90,000 of them) took
 * 50-130 ms to rank; for such a word its weight is near nothing, so the ranking says little anyway.
 * The screens say so wherever results are ranked.
 */
export const RANKED_AMONG = 5000;

/** The sentence the screens show beside ranked results. */
export const RANKED_AMONG_NOTE = `When more than ${RANKED_AMONG.toLocaleString('en-GB')} records match, the best are chosen from the ${RANKED_AMONG.toLocaleString('en-GB')} added most recently.`;

/** How many of the most recently added records a theme's words are counted in, to tell which are too common to rank by. */
export const COMMON_AMONG = 10_000;

/** What theme suggestions are ranked by, for the theme's screen (db/queries/themes.ts: distinctiveWords). */
export const SUGGESTION_WORDS_NOTE = `Words found in more than a quarter of the ${COMMON_AMONG.toLocaleString('en-GB')} records added most recently are too common to count.`;
