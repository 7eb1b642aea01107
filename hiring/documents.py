"""A CV or cover letter uploaded as .txt, .pdf or .docx, reduced to plain text. Pure: bytes in, text out.

Only the text is kept (Candidate.cv_text / cover_letter_text), so the limits here are what stands
between a hostile file and the server: its size, its page count, what a .docx unpacks to (a zip
bomb), encryption, and characters a database cannot store (NUL, lone surrogates).
"""

import codecs
import io
import logging
import re
import zipfile
from pathlib import PurePath

from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

MAX_BYTES = 5_000_000
MAX_PAGES = 50
MAX_CHARS = 200_000  # a long CV is 20,000
MAX_UNPACKED = 30_000_000  # all of a .docx's parts together
MAX_ZIP_ENTRIES = 1_000
EXTENSIONS = (".txt", ".pdf", ".docx")
KINDS = ("cv", "cover_letter")  # the documents a candidate may have
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
# An encrypted Word file is an OLE compound file holding the encrypted package, not a zip.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
BINARY_SHARE = 0.05  # of control bytes, above which a .txt is not text
CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f")
UNWANTED = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")


class DocumentError(Exception):
    def __init__(self, code: str, params: dict | None = None):
        super().__init__(code)
        self.code = code
        self.params = params or {}


def document_error_message(error: DocumentError) -> str:
    messages = {
        "empty": _("The file is empty."),
        "too_large": _("The file is larger than %(limit)s MB; upload a smaller one."),
        "type": _("Upload the document as a .txt, .pdf or .docx file."),
        "encoding": _("The text file's encoding was not recognised; save it as UTF-8 and upload it again."),
        "binary": _("The .txt file does not contain text."),
        "not_pdf": _("The file is named .pdf but is not a PDF."),
        "not_docx": _("The file is named .docx but is not a Word document."),
        "encrypted": _("The document is protected with a password; upload an unprotected copy."),
        "broken": _("The document could not be read; it may be damaged. Save it again and upload the copy."),
        "too_many_pages": _("The document has more than %(limit)s pages."),
        "zip_bomb": _("The Word document unpacks to more than %(limit)s MB; it cannot be a CV or cover letter."),
        "no_text": _("No text was found in the document (a scanned image has none)."),
        "too_long": _("The document's text is longer than %(limit)s characters."),
    }
    return messages[error.code] % error.params


def document_text(filename: str, data: bytes) -> str:
    """The document's text, or DocumentError with a code for what is wrong with the file."""
    extension = PurePath(filename or "").suffix.lower()
    if extension not in EXTENSIONS:
        raise DocumentError("type")
    if not data:
        raise DocumentError("empty")
    if len(data) > MAX_BYTES:
        raise DocumentError("too_large", {"limit": MAX_BYTES // 1_000_000})
    readers = {".txt": _txt_text, ".pdf": _pdf_text, ".docx": _docx_text}
    text = text_cleaned(readers[extension](data))
    if not text:
        raise DocumentError("no_text")
    if len(text) > MAX_CHARS:
        raise DocumentError("too_long", {"limit": MAX_CHARS})
    return text


def text_cleaned(text: str) -> str:
    """Line ends as \\n, no NUL or other control characters, no lone surrogates, at most one blank
    line in a row, no trailing spaces."""
    text = UNWANTED.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n"))
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _txt_text(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if len(data) - len(data.translate(None, CONTROL_BYTES)) > BINARY_SHARE * len(data):
        raise DocumentError("binary")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Windows' Western codepage, as Notepad and older Word saved Nordic text; five bytes are undefined in it.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise DocumentError("encoding") from exc


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    if PDF_MAGIC not in data[:1024]:
        raise DocumentError("not_pdf")
    # pypdf raises many kinds of exceptions on a malformed file (its own, ValueError, KeyError, zlib's,
    # RecursionError); each becomes the same message for the user, and is logged.
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise DocumentError("encrypted")
        if len(reader.pages) > MAX_PAGES:
            raise DocumentError("too_many_pages", {"limit": MAX_PAGES})
        parts, length = [], 0
        for page in reader.pages:
            part = page.extract_text() or ""
            parts.append(part)
            length += len(part)
            if length > MAX_CHARS:
                break
    except DocumentError:
        raise
    except Exception as exc:
        logger.info("unreadable PDF: %s: %s", type(exc).__name__, exc)
        raise DocumentError("broken") from exc
    return "\n\n".join(parts)


def _docx_text(data: bytes) -> str:
    import docx

    if data.startswith(OLE_MAGIC):
        raise DocumentError("encrypted")
    if not data.startswith(ZIP_MAGIC):
        raise DocumentError("not_docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise DocumentError("broken") from exc
    # The sizes a zip declares bound what zipfile will unpack, so checking them before opening is enough.
    if len(entries) > MAX_ZIP_ENTRIES or sum(entry.file_size for entry in entries) > MAX_UNPACKED:
        raise DocumentError("zip_bomb", {"limit": MAX_UNPACKED // 1_000_000})
    if "word/document.xml" not in {entry.filename for entry in entries}:
        raise DocumentError("not_docx")
    try:
        document = docx.Document(io.BytesIO(data))
        parts = [paragraph.text for paragraph in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                parts.append("\t".join(cell.text for cell in row.cells))
    except Exception as exc:  # python-docx and lxml raise many kinds on a malformed part; see _pdf_text
        logger.info("unreadable DOCX: %s: %s", type(exc).__name__, exc)
        raise DocumentError("broken") from exc
    return "\n".join(parts)
