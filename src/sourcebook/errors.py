"""Errors Sourcebook raises. Every one names what it was working on.

    SourcebookError
    ├── IngestError          a file could not be read as a document (names the file)
    │   ├── UnsupportedFormat    no reader for this suffix
    │   ├── EmptyDocument        no text after extraction
    │   └── DocumentTooLarge     over the size limit
    ├── CodebookError        the codebook data is inconsistent (unknown label, duplicate alias)
    ├── ConfigError          a pipeline config names an unknown component or bad setting
    ├── StoreError           the database could not be opened or migrated
    └── FormatError          an import or gold file is malformed (names file and line)
"""
from __future__ import annotations


class SourcebookError(Exception):
    """Base of every error Sourcebook raises on purpose."""


class IngestError(SourcebookError):
    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class UnsupportedFormat(IngestError):
    pass


class EmptyDocument(IngestError):
    pass


class DocumentTooLarge(IngestError):
    pass


class CodebookError(SourcebookError):
    pass


class ConfigError(SourcebookError):
    pass


class StoreError(SourcebookError):
    pass


class FormatError(SourcebookError):
    def __init__(self, path, line: int | None, reason: str):
        self.path, self.line, self.reason = str(path), line, reason
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {reason}")
