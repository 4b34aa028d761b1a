"""Records of domain apps in the content archive: what is neither a page nor a snippet.

Pages and translatable snippets are exported generically (`services.py`). Some apps also
hold plain records that pages and the API rest on (the sharing app's cities, relationships,
policy transfers, firms' interests, tender notices). opendata is a shared service and names
no domain model (docs/development.md, "Layers"), so an app brings such records into the
archive itself: it registers, with the Wagtail hook `RECORDS_HOOK` in its
`wagtail_hooks.py`, a function returning an `ArchiveRecords`. Its data is one entry of
`records.json` (archive version 2), under the part's `name`.

The part decides its own JSON form (natural keys such as a city's slug are welcome) but keeps
the archive's rules: the export is lossless, and the import checks everything before writing
anything, refuses what the export would not write with an `ArchiveError` naming the record
and the reason, validates values like the editor (`validation.validate_fields`), and writes
inside the import's transaction.
"""

from dataclasses import dataclass, field

from wagtail import hooks

RECORDS_HOOK = "register_content_archive_records"


@dataclass(frozen=True)
class ExportContext:
    """What else the archive holds, so a part leaves out what refers to content it lacks."""

    page_ids: frozenset[int]
    # Exported snippets by model label ("partners.partner"): their ids.
    snippet_ids: dict[str, frozenset[int]] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportContext:
    """The archive's other members, already checked, for a part's references to them."""

    # Page id: its record ({"id", "type", "parent", "data"}), data as in pages.json.
    pages: dict[int, dict]
    # Snippet model label: {id: data}.
    snippets: dict[str, dict[int, dict]]


class ArchiveRecords:
    """One app's part of records.json. Subclass it and implement every method."""

    name = ""

    def export(self, context: ExportContext) -> object:
        """The part's data, as JSON-serialisable values (dates, decimals and UUIDs allowed)."""
        raise NotImplementedError

    def counts(self, data) -> dict[str, int]:
        """How many records of each kind `data` holds, for the manifest."""
        raise NotImplementedError

    def check(self, data, context: ImportContext) -> None:
        """Refuse (ArchiveError) anything the export would not have written."""
        raise NotImplementedError

    def is_empty(self) -> bool:
        """True when this site has none of the part's records (the import needs that)."""
        raise NotImplementedError

    def write_before_pages(self, data) -> set[type]:
        """Write what pages refer to by a many-to-many field (a project's cities): modelcluster
        keeps only the ids of rows that exist when a page is built. Returns the models written
        (their id sequences are moved past the archive's ids)."""
        return set()

    def write(self, data) -> set[type]:
        """Write the rest of the checked data, after pages and snippets; returns the models
        written."""
        raise NotImplementedError


def archive_records() -> dict[str, ArchiveRecords]:
    """Every registered part, by name."""
    parts = {}
    for make_part in hooks.get_hooks(RECORDS_HOOK):
        part = make_part()
        if not part.name or part.name in parts:
            raise ValueError(f"Archive records need a unique name, not {part.name!r}.")
        parts[part.name] = part
    return dict(sorted(parts.items()))
