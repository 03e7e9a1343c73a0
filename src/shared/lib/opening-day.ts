/** What a city's server lets in from the waiting room per minute unless the officer says otherwise (docs/decisions/016-opening-day.md). */
export const DEFAULT_ADMIT_PER_MINUTE = 1200;
