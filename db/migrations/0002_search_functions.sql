-- Initial consonants (초성) of Hangul syllables, other characters kept: '스마트폰 교실' → 'ㅅㅁㅌㅍ ㄱㅅ'.
-- Mirrors chosungOf() in src/shared/lib/hangul.ts. IMMUTABLE so it can feed a generated column and an index.
CREATE OR REPLACE FUNCTION chosung(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(
    CASE WHEN c >= '가' AND c <= '힣'
      THEN substr('ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ', (ascii(c) - 44032) / 588 + 1, 1)
      ELSE c END, '' ORDER BY i), '')
  FROM unnest(string_to_array(input, NULL)) WITH ORDINALITY AS chars(c, i)
$$;
--> statement-breakpoint
-- Every single character and every pair of adjacent characters within a word, lower-cased: the index for
-- one- and two-character queries (요가, 폰, AI), which a trigram index cannot serve (stack notes §3).
CREATE OR REPLACE FUNCTION search_grams(input text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}')
  FROM regexp_split_to_table(lower(input), '\s+') AS word,
       LATERAL (
         SELECT substr(word, i, 1) AS g FROM generate_series(1, char_length(word)) AS i
         UNION ALL
         SELECT substr(word, i, 2) FROM generate_series(1, char_length(word) - 1) AS i
       ) grams
  WHERE word <> ''
$$;
