"""Scoring records against gold exactly as the reference scorer counts, and explaining each error with its sentence."""
