"""Version 4: a confidence on every fact (the measured precision of the rule that found it).

``meetings.date_confidence`` and ``host_confidence``, and ``confidence`` on
people, awards, percentages and quantities; facts indexed before this version have none
(NULL) until they are indexed again.
"""

NAME = "confidence"

SQLITE = """
ALTER TABLE meetings ADD COLUMN date_confidence REAL;
ALTER TABLE meetings ADD COLUMN host_confidence REAL;
ALTER TABLE people ADD COLUMN confidence REAL;
ALTER TABLE awards ADD COLUMN confidence REAL;
ALTER TABLE percentages ADD COLUMN confidence REAL;
ALTER TABLE quantities ADD COLUMN confidence REAL;
"""

POSTGRES = """
ALTER TABLE meetings ADD COLUMN date_confidence DOUBLE PRECISION;
ALTER TABLE meetings ADD COLUMN host_confidence DOUBLE PRECISION;
ALTER TABLE people ADD COLUMN confidence DOUBLE PRECISION;
ALTER TABLE awards ADD COLUMN confidence DOUBLE PRECISION;
ALTER TABLE percentages ADD COLUMN confidence DOUBLE PRECISION;
ALTER TABLE quantities ADD COLUMN confidence DOUBLE PRECISION;
"""
