"""Input error kinds, one code each (E1xx), all subclasses of :class:`jishi.errors.InputError`.

InputError                 E100
 ├── MissingPathError      E101  the path does not exist
 ├── UnsupportedFileError  E102  a file named explicitly has an extension no reader handles
 ├── EmptyInputError       E103  the file or stream holds no text
 ├── BinaryInputError      E104  NUL bytes or control characters: not a text file
 ├── EncodingError         E105  bytes that no supported encoding decodes plausibly
 ├── TooLargeError         E106  the text is larger than the size limit
 ├── MalformedRecordError  E107  a JSON line / JSON file / CSV row that cannot be parsed
 ├── MissingTextError      E108  a record without text
 ├── NoMainTextError       E109  an HTML page without main text
 ├── NoTextColumnError     E110  a CSV file without a text column
 └── UnreadableError       E111  the operating system refused to read the path
"""
from __future__ import annotations

from jishi.errors import InputError


class MissingPathError(InputError):
    code = "E101"


class UnsupportedFileError(InputError):
    code = "E102"


class EmptyInputError(InputError):
    code = "E103"


class BinaryInputError(InputError):
    code = "E104"


class EncodingError(InputError):
    code = "E105"


class TooLargeError(InputError):
    code = "E106"


class MalformedRecordError(InputError):
    code = "E107"


class MissingTextError(InputError):
    code = "E108"


class NoMainTextError(InputError):
    code = "E109"


class NoTextColumnError(InputError):
    code = "E110"


class UnreadableError(InputError):
    code = "E111"


__all__ = [
    "BinaryInputError",
    "EmptyInputError",
    "EncodingError",
    "InputError",
    "MalformedRecordError",
    "MissingPathError",
    "MissingTextError",
    "NoMainTextError",
    "NoTextColumnError",
    "TooLargeError",
    "UnreadableError",
    "UnsupportedFileError",
]
