"""Turn a source (text, Markdown, HTML, a file or a URL) into an :class:`Article`.

An article is its text plus the paragraphs as character ranges into that text. Everything
downstream (sentences, spans, tables) uses offsets into ``Article.text``.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Article", "load_article", "split_paragraphs", "LoadError"]

#: File suffixes that ``load_article`` reads as files.
FILE_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                 ".html": "html", ".htm": "html"}

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_NEWLINE = re.compile(r"\n\s*")
_END_PUNCT = tuple(".!?;:,…\"'”’)]")
_HTML_HINT = re.compile(r"<(html|body|p|div|article|h[1-6]|br|span)\b[^>]*>", re.I)
_MD_HINT = re.compile(r"^(#{1,6} |\* |- |> |```)|\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*", re.M)
_URL = re.compile(r"^https?://\S+$", re.I)
_SURROGATE = re.compile("[\ud800-\udfff]")


def check_unicode(text: str, name: str) -> None:
    """Raise ``ValueError`` when ``text`` holds a lone surrogate code point.

    A Python string can carry one (from ``bytes.decode(errors="surrogateescape")`` or a
    broken JSON escape), but it is not Unicode text: no encoder writes it, so the tables could
    not be built or saved. The message names the argument and the offset.

    >>> check_unicode("fine \u200b text \U0001F600", "text")
    """
    bad = _SURROGATE.search(text)
    if bad:
        raise ValueError(f"{name} holds a lone surrogate {bad.group()!r} at offset "
                         f"{bad.start()}: not valid Unicode; decode the bytes with "
                         f"errors='replace' first")


class LoadError(ValueError):
    """A source could not be read; the message names the file or URL and the reason."""


@dataclass
class Article:
    """An article ready for analysis.

    Attributes
    ----------
    text : str
        The full text; every offset in the toolkit points into it.
    title : str or None
        The headline, when the source has one.
    paragraphs : list of (int, int)
        ``(start, end)`` character ranges into ``text``, in reading order.
    source : str or None
        Where the text came from: a path, a URL, or None for a string.
    meta : dict
        Anything else the loader learnt (author, date, site name for HTML pages).
    """

    text: str
    title: str | None = None
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    source: str | None = None
    meta: dict = field(default_factory=dict)

    @property
    def headline_paragraph(self) -> int | None:
        """Index of the paragraph that holds the title, or None."""
        if self.title and self.paragraphs:
            s, e = self.paragraphs[0]
            if self.text[s:e] == self.title:
                return 0
        return None

    def paragraph_texts(self) -> list[str]:
        return [self.text[s:e] for s, e in self.paragraphs]


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Split on blank lines, or on single newlines when the text has no blank line.

    Returns ``(start, end)`` ranges with surrounding whitespace trimmed.

    Examples
    --------
    >>> text = "Title\\n\\nFirst one.\\nStill first.\\n\\nSecond."
    >>> [text[s:e] for s, e in split_paragraphs(text)]
    ['Title', 'First one.\\nStill first.', 'Second.']
    """
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else _NEWLINE
    ranges, start = [], 0
    for match in [*separator.finditer(text), None]:
        end = len(text) if match is None else match.start()
        s, e = _trim(text, start, end)
        if s < e:
            ranges.append((s, e))
        if match is not None:
            start = match.end()
    return ranges


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _headline(text: str, paragraphs: list[tuple[int, int]]) -> str | None:
    """The first paragraph, when it is one short line with no end punctuation."""
    if len(paragraphs) < 2:
        return None
    s, e = paragraphs[0]
    line = text[s:e]
    if "\n" in line or len(line.split()) > 25 or line.endswith(_END_PUNCT):
        return None
    return line


def _from_plain(text: str, source: str | None = None) -> Article:
    paragraphs = split_paragraphs(text)
    return Article(text=text, title=_headline(text, paragraphs), paragraphs=paragraphs,
                   source=source)


def _from_blocks(blocks: list[str], title: str | None, source: str | None,
                 meta: dict | None = None) -> Article:
    """Join extracted blocks with blank lines, keeping each block's range."""
    blocks = [re.sub(r"\s*\n\s*", " ", b).strip() for b in blocks]
    blocks = [b for b in blocks if b]
    parts, ranges, pos = [], [], 0
    for block in blocks:
        ranges.append((pos, pos + len(block)))
        parts.append(block)
        pos += len(block) + 2
    text = "\n\n".join(parts)
    if title is None:
        title = _headline(text, ranges)
    elif blocks and blocks[0] != title:
        # Put the title first, so that the headline is part of the text like any paragraph.
        return _from_blocks([title, *blocks], title, source, meta)
    return Article(text=text, title=title, paragraphs=ranges, source=source, meta=meta or {})


_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre")


def _html_blocks(html: str) -> tuple[list[str], str | None]:
    """One block per ``<p>`` (and heading or list item), with lxml as the fallback parser."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return [], None
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    title = None
    heads = root.xpath("//h1") or root.xpath("//title")
    if heads:
        title = " ".join(heads[0].text_content().split()) or None
        for head in root.xpath("//title"):
            head.drop_tree()
    blocks = [el.text_content() for el in root.iter(*_BLOCK_TAGS)
              if not any(a.tag in _BLOCK_TAGS for a in el.iterancestors())]
    if not blocks:
        blocks = [root.text_content()]
    return blocks, title


def _from_html(html: str, source: str | None = None) -> Article:
    import trafilatura
    import lxml.etree

    if len(html) < 3000 or html.lower().count("<p") < 5:
        # Fragments and short pages: trafilatura's boilerplate removal is tuned for whole
        # pages and merges or drops the blocks of a short fragment.
        blocks, title = _html_blocks(html)
        return _from_blocks(blocks, title, source)
    xml = trafilatura.extract(html, output_format="xml", with_metadata=True,
                              include_comments=False, include_tables=False, favor_recall=True)
    if xml:
        root = lxml.etree.fromstring(xml.encode("utf-8"))
        blocks = ["".join(el.itertext()) for el in root.iter("p", "head", "item", "quote")
                  if not any(a.tag in ("p", "item", "quote") for a in el.iterancestors())]
        title = root.get("title") or None
        meta = {k: root.get(k) for k in ("author", "date", "sitename", "url") if root.get(k)}
        if blocks:
            return _from_blocks(blocks, title, source, meta)
    blocks, title = _html_blocks(html)
    return _from_blocks(blocks, title, source)


def _from_markdown(markdown: str, source: str | None = None) -> Article:
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(markdown)
    blocks, _ = _html_blocks(f"<html><body>{html}</body></html>")
    title_match = re.search(r"^#\s+(.+?)\s*#*\s*$", markdown, re.M)
    title = title_match.group(1) if title_match else None
    if title:
        blocks = [b for b in blocks if " ".join(b.split()) != title]
    return _from_blocks(blocks, title, source)


def _read_file(path: Path) -> str:
    if not path.exists():
        raise FileNotFoundError(f"cannot read {str(path)!r}: no such file")
    if path.is_dir():
        raise IsADirectoryError(f"cannot read {str(path)!r}: it is a directory, not a file")
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(f"cannot decode {str(path)!r} as UTF-8: {exc.reason} at byte "
                        f"{exc.start}") from exc


def _fetch(url: str, *, timeout: float, max_bytes: int) -> str:
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    config["DEFAULT"]["DOWNLOAD_TIMEOUT"] = str(int(max(1, timeout)))
    config["DEFAULT"]["MAX_FILE_SIZE"] = str(int(max_bytes))
    response = trafilatura.fetch_response(url, config=config, decode=True)
    if response is None:
        raise LoadError(f"cannot fetch {url!r}: no response (unreachable host, timeout after "
                        f"{timeout:g} s, or larger than {max_bytes} bytes)")
    if response.status != 200:
        raise LoadError(f"cannot fetch {url!r}: HTTP status {response.status}")
    return response.html or ""


def _looks_like_path(source: str) -> bool:
    if len(source) > 1024 or any(c.isspace() for c in source.strip(" ")):
        return False
    return Path(source).suffix.lower() in FILE_SUFFIXES or os.path.isfile(source)


def load_article(source, *, format: str | None = None, timeout: float = 20.0,
                 max_bytes: int = 10_000_000) -> Article:
    """Load an article from text, Markdown, HTML, a file path or an http(s) URL.

    Parameters
    ----------
    source : str or os.PathLike or Article
        Plain text, Markdown, an HTML string, a path to a ``.txt``, ``.md`` or ``.html``
        file, or an ``http(s)://`` URL. A URL is the explicit request to download: it is
        fetched once, through trafilatura, and nothing else in the toolkit touches the network.
    format : {"text", "markdown", "html"}, optional
        Force how a string is read instead of guessing.
    timeout : float
        Seconds to wait for a URL.
    max_bytes : int
        Largest download accepted from a URL.

    Returns
    -------
    Article

    Raises
    ------
    TypeError
        When ``source`` is not a string, a path or an Article.
    FileNotFoundError, LoadError
        When a file is missing or cannot be decoded, or a URL cannot be fetched; the message
        names the file or URL and the reason.

    Examples
    --------
    >>> article = load_article("Big News\\n\\nIt happened. Then more.\\n\\nThe end.")
    >>> article.title, len(article.paragraphs)
    ('Big News', 3)
    """
    if isinstance(source, Article):
        check_unicode(source.text, "source.text")
        return source
    if isinstance(source, os.PathLike):
        return _load_path(Path(source), format)
    if not isinstance(source, str):
        raise TypeError(f"source must be a str, a path or an Article, not "
                        f"{type(source).__name__}")
    check_unicode(source, "source")
    stripped = source.strip()
    if _URL.match(stripped):
        html = _fetch(stripped, timeout=timeout, max_bytes=max_bytes)
        article = _from_html(html, source=stripped)
        return article
    if format is None and _looks_like_path(stripped):
        return _load_path(Path(stripped), None)
    kind = format or _guess_format(source)
    return _parse(source, kind, None)


def _load_path(path: Path, format: str | None) -> Article:
    kind = format or FILE_SUFFIXES.get(path.suffix.lower(), "text")
    return _parse(_read_file(path), kind, str(path))


def _parse(text: str, kind: str, source: str | None) -> Article:
    if kind == "html":
        return _from_html(text, source)
    if kind == "markdown":
        return _from_markdown(text, source)
    if kind == "text":
        return _from_plain(text, source)
    raise ValueError(f"format must be 'text', 'markdown' or 'html', not {kind!r}")


def _guess_format(text: str) -> str:
    head = text[:5000]
    if _HTML_HINT.search(head):
        return "html"
    if len(_MD_HINT.findall(head)) >= 2 or re.match(r"#{1,6} ", head.lstrip()):
        return "markdown"
    return "text"
