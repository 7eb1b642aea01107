"""Text analysis against the service-type profiles.

The modules of this package are pure Python: they take the lexicon, the classifier and the text
as plain data. `analyze_text` is the one convenience that reaches for the installed lexicon and
model (through Django) when no analyzer is given.
"""

from profiles.analysis.engine import Analysis, AnalysisInputError, Analyzer, RoleTarget
from profiles.analysis.language import SUPPORTED, UnsupportedLanguage

__all__ = [
    "SUPPORTED",
    "Analysis",
    "AnalysisInputError",
    "Analyzer",
    "RoleTarget",
    "UnsupportedLanguage",
    "analyze_text",
]


def analyze_text(text: str, language: str | None = None, role_profile=None, *, analyzer: Analyzer | None = None):
    """Analyse `text`; `role_profile` may be a RoleTarget or a profiles.models.RoleProfile."""
    if analyzer is None or (role_profile is not None and not isinstance(role_profile, RoleTarget)):
        from profiles import selectors

        analyzer = analyzer or selectors.analyzer_current()
        if role_profile is not None and not isinstance(role_profile, RoleTarget):
            role_profile = selectors.role_target(role_profile)
    return analyzer.analyze(text, language, role_profile)
