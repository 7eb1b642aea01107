"""The countries whose rules ServiceFit applies to people's data (retention of applicants' data).

The one home of the country codes (ISO 3166-1 alpha-2). Plain Python, so settings, system checks
and pure modules (hiring/retention.py) can import it.
"""

COUNTRY_CODES = ("DK", "NO", "SE")
