"""A data problem as `path:line: field: message`, and the error that carries them all."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one place. ``code`` names the rule that found it (stable, for tests and tools)."""

    path: str
    line: int
    field: str
    message: str
    code: str = field(default="", compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class UserError(ValueError):
    """An error the user can fix (bad input, a missing browser); its lines say what and how.
    The command line prints them, one per line, and exits 1 with no traceback."""

    def __init__(self, problems):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(map(str, self.problems)))


class DataError(UserError):
    """Raised when data files do not validate; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__(sorted(problems))
