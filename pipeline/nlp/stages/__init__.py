"""The extraction stages, each a registered spaCy component reading one rule table."""
