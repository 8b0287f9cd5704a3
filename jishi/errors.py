"""Exception tree. Messages carry codes users can search for.

JishiError
 ├── InputError        E1xx  a file or record cannot be read (the CLI prints it on one line and goes on)
 ├── StageError        E2xx  a pipeline stage failed on one document
 ├── KnowledgeError    E3xx  a data file under jishi/data is malformed
 └── StoreError        E4xx  the database cannot be opened or written
"""
from __future__ import annotations


class JishiError(Exception):
    code = "E000"

    def __init__(self, message: str, **context: object) -> None:
        self.message = message
        self.context = context
        super().__init__(message)

    def __str__(self) -> str:
        where = self.context.get("path") or self.context.get("doc_id")
        prefix = f"{where}: " if where else ""
        return f"{prefix}{self.message} [{self.code}]"

    def __reduce__(self) -> tuple:
        # Errors travel back from worker processes pickled; keep the file or document they name.
        return (_rebuild, (type(self), self.message, self.context))


def _rebuild(cls: type[JishiError], message: str, context: dict[str, object]) -> JishiError:
    return cls(message, **context)


class InputError(JishiError):
    code = "E100"


class StageError(JishiError):
    code = "E200"


class KnowledgeError(JishiError):
    code = "E300"


class StoreError(JishiError):
    code = "E400"
