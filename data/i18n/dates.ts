/** Dates in the reader's language. */

/** "December 2026": a review date (YYYY-MM-DD) as month and year. */
export const reviewedMonth = (reviewed: string): string =>
  new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${reviewed}T00:00:00Z`));
