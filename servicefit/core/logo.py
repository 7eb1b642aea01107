"""Checking an employer's logo before it is stored. Pure Python (and lxml): bytes in, a content type out.

The type is read from the bytes, never from the file name or the browser's claim. An SVG is a
document that can carry scripts and links to other servers; one is accepted only when it is plain
drawing: no script, no event handler, no foreign object, no reference outside itself, no DTD.
Candidates' browsers load the logo with <img> (where an SVG runs nothing anyway), and the view that
serves it adds a sandboxing Content-Security-Policy for whoever opens it directly.
"""

import re

from lxml import etree

MAX_BYTES = 200 * 1024
PNG, JPEG, SVG = "image/png", "image/jpeg", "image/svg+xml"
CONTENT_TYPES = (PNG, JPEG, SVG)
EXTENSIONS = {PNG: "png", JPEG: "jpg", SVG: "svg"}

_SVG_NS = "http://www.w3.org/2000/svg"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# Elements that run code, embed other documents or fetch from elsewhere.
_FORBIDDEN_ELEMENTS = {"script", "foreignObject", "iframe", "embed", "object", "audio", "video", "handler", "listener"}
_INLINE_IMAGE = re.compile(r"data:image/(png|jpeg);base64,", re.IGNORECASE)
_OUTSIDE_URL = re.compile(r"url\(\s*(?!['\"]?\s*#)|@import", re.IGNORECASE)


class LogoProblem(ValueError):
    """Why a file cannot be the logo: `code` is one of empty, too_large, unknown_type, unsafe_svg."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


def logo_content_type(data: bytes) -> str:
    """The logo's content type, or LogoProblem."""
    if not data:
        raise LogoProblem("empty")
    if len(data) > MAX_BYTES:
        raise LogoProblem("too_large", f"{len(data)} bytes")
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if _looks_like_svg(data):
        _svg_checked(data)
        return SVG
    raise LogoProblem("unknown_type")


def _looks_like_svg(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype")) and b"<svg" in data[:4096].lower()


def _svg_checked(data: bytes) -> None:
    if b"<!doctype" in data.lower() or b"<!entity" in data.lower():
        raise LogoProblem("unsafe_svg", "a DTD or entity")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise LogoProblem("unknown_type", f"not well-formed XML: {exc}") from exc
    if root.tag != f"{{{_SVG_NS}}}svg":
        raise LogoProblem("unknown_type", "the root element is not <svg>")
    for element in root.iter():
        if not isinstance(element.tag, str):  # comments and processing instructions
            if isinstance(element, etree._ProcessingInstruction):
                raise LogoProblem("unsafe_svg", "a processing instruction")
            continue
        name = etree.QName(element).localname
        if name in _FORBIDDEN_ELEMENTS:
            raise LogoProblem("unsafe_svg", f"<{name}>")
        if name == "style" and _OUTSIDE_URL.search(element.text or ""):
            raise LogoProblem("unsafe_svg", "a style that loads from elsewhere")
        for attribute, value in element.attrib.items():
            local = etree.QName(attribute).localname
            if local.lower().startswith("on"):
                raise LogoProblem("unsafe_svg", f"an event handler ({local})")
            if (attribute in ("href", _XLINK_HREF)) and not _local_reference(value):
                raise LogoProblem("unsafe_svg", "a link outside the file")
            if _OUTSIDE_URL.search(value):
                raise LogoProblem("unsafe_svg", "a reference outside the file")


def _local_reference(value: str) -> bool:
    value = value.strip()
    return value.startswith("#") or bool(_INLINE_IMAGE.match(value))
