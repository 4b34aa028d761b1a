"""The content archive: a zip of JSON members and files, with a manifest of checksums.

Reading checks everything before anything is written (docs/open-data.md describes the format).
"""

import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from uuid import UUID

FORMAT = "policyshare-content"
VERSION = 2
MANIFEST = "manifest.json"
_VERSION_1_MEMBERS = [
    "locales.json",
    "site.json",
    "images.json",
    "documents.json",
    "snippets.json",
    "pages.json",
    "view_counts.json",
]
# Every JSON member an archive of each version this reader reads has. Version 2 added
# records.json: the records of domain apps that are neither pages nor snippets (cities,
# policy transfers, …; `records.py`).
MEMBERS_OF_VERSION = {1: _VERSION_1_MEMBERS, 2: [*_VERSION_1_MEMBERS, "records.json"]}
DATA_MEMBERS = MEMBERS_OF_VERSION[VERSION]
# What a member an older version did not have stands for when such an archive is read.
ABSENT_MEMBERS = {"records.json": {}}
# Zip entries carry a timestamp; a fixed one keeps two exports of the same content identical.
_FIXED_DATE = (1980, 1, 1, 0, 0, 0)


class ArchiveError(Exception):
    """The archive cannot be imported; the message says why."""


class _Encoder(json.JSONEncoder):
    """Like DjangoJSONEncoder, but keeps microseconds: the export must be lossless."""

    def default(self, o):
        if isinstance(o, datetime | date):
            return o.isoformat()
        if isinstance(o, Decimal | UUID):
            return str(o)
        return super().default(o)


def dump_json(data) -> bytes:
    return (
        json.dumps(data, cls=_Encoder, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    ).encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class ArchiveWriter:
    path: Path
    members: dict[str, bytes] = field(default_factory=dict)

    def add(self, name: str, data: bytes) -> None:
        if name in self.members or name == MANIFEST:
            raise ValueError(f"Duplicate archive member {name}")
        self.members[name] = data

    def write(self, *, created: datetime, counts: dict[str, int]) -> dict:
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created": created.isoformat(),
            "counts": counts,
            "files": {name: sha256(data) for name, data in sorted(self.members.items())},
        }
        with zipfile.ZipFile(self.path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in [(MANIFEST, dump_json(manifest)), *sorted(self.members.items())]:
                info = zipfile.ZipInfo(name, date_time=_FIXED_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data)
        return manifest


@dataclass
class Archive:
    """A validated archive, read fully into memory."""

    manifest: dict
    data: dict[str, object]
    files: dict[str, bytes]


def read_archive(path: Path) -> Archive:
    """Open and check an archive: format, version, every checksum, every member present."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as error:
        raise ArchiveError(f"{path} does not exist.") from error
    except (zipfile.BadZipFile, OSError) as error:
        raise ArchiveError(f"{path} is not a zip archive ({error}).") from error
    with archive:
        names = set(archive.namelist())
        if MANIFEST not in names:
            raise ArchiveError(f"The archive has no {MANIFEST}: it is not a PolicyShare export.")
        manifest = _json(archive, MANIFEST)
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ArchiveError(f"{MANIFEST} does not describe a {FORMAT!r} archive.")
        version = manifest.get("version")
        if isinstance(version, bool) or version not in MEMBERS_OF_VERSION:
            readable = " and ".join(str(number) for number in MEMBERS_OF_VERSION)
            raise ArchiveError(
                f"Archive format version {version!r} is not supported "
                f"(this PolicyShare reads versions {readable})."
            )
        required = MEMBERS_OF_VERSION[version]
        listed = manifest.get("files")
        if not isinstance(listed, dict):
            raise ArchiveError(f"{MANIFEST} has no list of files.")
        for name in required:
            if name not in listed:
                raise ArchiveError(f"The manifest does not list the required member {name}.")
        unlisted = names - set(listed) - {MANIFEST}
        if unlisted:
            raise ArchiveError(f"Members not in the manifest: {', '.join(sorted(unlisted))}.")
        contents = {}
        for name, expected in sorted(listed.items()):
            if name not in names:
                raise ArchiveError(f"The member {name} is missing from the archive.")
            try:
                content = archive.read(name)
            except (zipfile.BadZipFile, OSError) as error:
                raise ArchiveError(f"The member {name} cannot be read ({error}).") from error
            if sha256(content) != expected:
                raise ArchiveError(f"Checksum mismatch for {name}: the archive is damaged.")
            contents[name] = content
    data = {}
    for name in required:
        try:
            data[name] = json.loads(contents.pop(name))
        except ValueError as error:
            raise ArchiveError(f"{name} is not valid JSON ({error}).") from error
    for name in DATA_MEMBERS:
        data.setdefault(name, ABSENT_MEMBERS.get(name))
    return Archive(manifest=manifest, data=data, files=contents)


def _json(archive: zipfile.ZipFile, name: str):
    try:
        return json.loads(archive.read(name))
    except (ValueError, zipfile.BadZipFile, OSError) as error:
        raise ArchiveError(f"{name} cannot be read as JSON ({error}).") from error
