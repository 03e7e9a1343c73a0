-- Trigram search over Korean text (the only extension the product uses; see docs/decisions/001).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
