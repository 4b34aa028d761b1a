"""How to cite a policy case: plain text, BibTeX and CSL-JSON, from one set of facts."""

import json
import re
from dataclasses import dataclass
from datetime import date

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from policyshare.core.content.metadata import publisher

# BibTeX's special characters, escaped as LaTeX reads them inside a braced field.
_BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
_BIBTEX_SPECIAL = re.compile("|".join(re.escape(char) for char in _BIBTEX_ESCAPES))


@dataclass(frozen=True)
class Citation:
    key: str
    title: str
    authors: tuple[str, ...]
    publisher: str
    language: str
    url: str
    issued: date | None
    updated: date | None
    accessed: date

    def plain(self) -> str:
        who = "; ".join(self.authors) or self.publisher
        year = f" ({self.issued.year})" if self.issued else ""
        updated = ""
        if self.updated:
            # In the case's own language, as the rest of the citation.
            with translation.override(self.language):
                updated = f" {_('Last updated')} {self.updated.isoformat()}."
        # No access date: the policy page showing it is cached for everyone.
        return f"{who}{year}. {self.title}. {self.publisher}.{updated} {self.url}"

    def bibtex(self) -> str:
        fields = [("title", self.title)]
        if self.authors:
            # Braced: an organisation or a name in another script is one name, not split.
            fields.append(("author", " and ".join(f"{{{a}}}" for a in self.authors)))
        fields.append(("organization", self.publisher))
        fields.append(("publisher", self.publisher))
        if self.issued:
            fields.append(("year", str(self.issued.year)))
        if self.updated:
            fields.append(("note", f"Last updated {self.updated.isoformat()}"))
        fields.append(("language", self.language))
        fields.append(("url", self.url))
        fields.append(("urldate", self.accessed.isoformat()))
        lines = []
        for name, value in fields:
            # The author list is escaped name by name: its braces are BibTeX's own.
            text = value if name == "author" else bibtex_escape(value)
            if name in {"url"}:
                text = value.replace("{", "%7B").replace("}", "%7D")
            lines.append(f"  {name} = {{{text}}}")
        return f"@misc{{{self.key},\n" + ",\n".join(lines) + "\n}\n"

    def csl_json(self) -> str:
        item = {
            "id": self.key,
            "type": "webpage",
            "title": self.title,
            "publisher": self.publisher,
            "container-title": self.publisher,
            "language": self.language,
            "URL": self.url,
            "accessed": _date_parts(self.accessed),
        }
        if self.authors:
            item["author"] = [{"literal": name} for name in self.authors]
        if self.issued:
            item["issued"] = _date_parts(self.issued)
        if self.updated:
            item["note"] = f"Last updated {self.updated.isoformat()}"
        return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def bibtex_escape(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda match: _BIBTEX_ESCAPES[match.group()], text)


def _date_parts(day: date) -> dict:
    return {"date-parts": [[day.year, day.month, day.day]]}


def citation_for(page, *, url: str) -> Citation:
    """The citation of a published policy case at its canonical address `url`."""
    language = page.locale.language_code
    authors = tuple(name for name in (page.writer,) if name)
    first = page.first_published_at
    last = page.last_published_at
    return Citation(
        key=f"policyshare-{page.pk}",
        title=page.title,
        authors=authors,
        publisher=publisher(language)["name"],
        language=language,
        url=url,
        issued=timezone.localdate(first) if first else None,
        updated=timezone.localdate(last) if last else None,
        accessed=timezone.localdate(),
    )
