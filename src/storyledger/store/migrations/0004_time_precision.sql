-- Time precision: each resolved time keeps what TimeML says of it, so no view invents a day.
-- kind is the TIMEX3 type (date | time | duration | set); value its TIMEX3 value ("2025-03", "2025-Q3",
-- "1830", "P90D", "FUTURE_REF"); precision how much of date..date_end is known (day, week, month,
-- quarter, year ...); mod its modifier ("START" for "early 2025", "APPROX" for "about"). date and
-- date_end stay the days covered, for sorting and filtering.
ALTER TABLE times ADD COLUMN kind TEXT;
ALTER TABLE times ADD COLUMN value TEXT;
ALTER TABLE times ADD COLUMN precision TEXT;
ALTER TABLE times ADD COLUMN mod TEXT;
ALTER TABLE claims ADD COLUMN when_kind TEXT;
ALTER TABLE claims ADD COLUMN when_value TEXT;
ALTER TABLE claims ADD COLUMN when_precision TEXT;
ALTER TABLE claims ADD COLUMN when_mod TEXT;
