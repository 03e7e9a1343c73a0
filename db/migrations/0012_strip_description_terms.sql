-- Description words are only matched (prefix queries), never ranked by position: stripped of positions
-- they are a third smaller and fit in the row instead of TOAST, so the planner's cost of scanning them is
-- the real one and it picks the GIN index (on PGlite a scan of toasted vectors took 140 ms for 7,600 rows).
UPDATE program_search_text SET description_terms = strip(description_terms);
