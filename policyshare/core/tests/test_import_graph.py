"""The layers of the project, read from its import statements (docs/development.md, "Layers").

Every module of the `policyshare` package is parsed with `ast` (nothing is imported), and each
import statement anywhere in it, a function-level import included, is an edge from its app to
the imported module's app. An app is a first-level package of `policyshare`. From the bottom:

- `core`: imports no other policyshare app;
- shared services (`SHARED`): may import `core` and each other, never a domain app;
- domain apps: every other app; may import `core`, the shared services and each other;
- tools (`TOOLS`, the demo content and the legacy importer): may import any app, and no app
  imports them;
- the project's glue (`PROJECT`: settings, root URLconf, WSGI): on top of everything.

And no import cycle between apps, whatever their layers.

Tests and migrations are left out: tests build content of every app on purpose (a core test
makes policies), and a migration is a frozen record of the schema of its day, which names
whatever the models named then (its imports are not today's dependencies).
"""

import ast
import unittest
from collections import defaultdict
from pathlib import Path

import policyshare

PACKAGE = "policyshare"
ROOT = Path(policyshare.__file__).resolve().parent

CORE = "core"
SHARED = {"search", "opendata", "api", "translations", "mail", "document_text", "consent"}
TOOLS = {"demo", "importer"}
PROJECT = {"settings", "urls", "wsgi"}
# Not apps: Playwright tests; data directories without Python code.
IGNORED = {"browser_tests", "locale", "static", "templates"}


def _is_excluded(relative: Path) -> bool:
    return bool({"tests", "migrations"} & set(relative.parts)) or relative.parts[0] in IGNORED


def module_name(relative: Path) -> str:
    parts = [PACKAGE, *relative.with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported(node: ast.AST, module: str, is_package: bool) -> list[str]:
    """The absolute names an import statement reads (`from x import y`: x.y and x)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level:
        package = module.split(".")
        if not is_package:
            package.pop()
        package = package[: len(package) - (node.level - 1)]
        base = ".".join([*package, node.module] if node.module else package)
    else:
        base = node.module or ""
    return [base, *(f"{base}.{alias.name}" for alias in node.names)]


def app_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != PACKAGE or len(parts) < 2:
        return None
    return parts[1]


def import_edges(root: Path = ROOT) -> dict[tuple[str, str], set[str]]:
    """(importing app, imported app) -> the importing modules, for every import between two
    different apps of the package under `root`."""
    edges: dict[tuple[str, str], set[str]] = defaultdict(set)
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if _is_excluded(relative):
            continue
        module = module_name(relative)
        source = app_of(module)
        if source is None:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            for name in _imported(node, module, path.name == "__init__.py"):
                target = app_of(name)
                if target is not None and target != source and target not in IGNORED:
                    edges[(source, target)].add(module)
    return dict(edges)


def cycles(edges) -> list[list[str]]:
    """The strongly connected groups of more than one app (Tarjan), each sorted."""
    graph = defaultdict(set)
    for source, target in edges:
        graph[source].add(target)
        graph.setdefault(target, set())
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def layer(app: str) -> int:
    if app == CORE:
        return 0
    if app in SHARED:
        return 1
    if app in TOOLS:
        return 3
    if app in PROJECT:
        return 4
    return 2  # a domain app: anything not listed above, so a new app starts as one


LAYER_NAMES = {0: "core", 1: "shared service", 2: "domain app", 3: "tool", 4: "project"}


def layering_errors(edges) -> list[str]:
    """Imports that go up the layers, or from core to any app, or across the domain apps'
    floor from a shared service."""
    errors = []
    for (source, target), modules in sorted(edges.items()):
        if source == CORE or layer(target) > layer(source):
            errors.append(
                f"{LAYER_NAMES[layer(source)]} {source} imports "
                f"{LAYER_NAMES[layer(target)]} {target}: {', '.join(sorted(modules))}"
            )
    return errors


def _describe(edges, group) -> str:
    lines = [f"cycle between {', '.join(group)}:"]
    for (source, target), modules in sorted(edges.items()):
        if source in group and target in group:
            lines.append(f"  {source} -> {target} ({', '.join(sorted(modules))})")
    return "\n".join(lines)


class ImportGraphTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.edges = import_edges()

    def test_every_app_is_placed_in_a_layer(self):
        # A first-level package is an app in INSTALLED_APPS, or one of the named non-apps.
        from django.apps import apps

        installed = {
            config.name.split(".")[1]
            for config in apps.get_app_configs()
            if config.name.startswith(PACKAGE + ".") and config.name.count(".") == 1
        }
        packages = {p.name for p in ROOT.iterdir() if (p / "__init__.py").exists()}
        packages |= {p.stem for p in ROOT.glob("*.py") if p.stem != "__init__"}
        self.assertEqual(packages - installed - IGNORED - PROJECT, set())

    def test_no_import_cycle_between_apps(self):
        found = cycles(self.edges)
        self.assertEqual(found, [], "\n".join(_describe(self.edges, g) for g in found))

    def test_core_imports_no_other_app(self):
        from_core = {t: m for (s, t), m in self.edges.items() if s == CORE}
        self.assertEqual(from_core, {})

    def test_imports_follow_the_layers(self):
        # core <- shared services <- domain apps <- tools <- project; SHARED never reaches
        # a domain app.
        self.assertEqual(layering_errors(self.edges), [])


class GraphCheckTests(unittest.TestCase):
    """The checks themselves find what they are meant to find."""

    def test_a_cycle_is_found(self):
        edges = {("core", "translations"): {"a"}, ("translations", "core"): {"b"}}
        self.assertEqual(cycles(edges), [["core", "translations"]])
        self.assertEqual(cycles({("policies", "core"): {"a"}}), [])

    def test_a_longer_cycle_is_found(self):
        edges = {("a", "b"): {"x"}, ("b", "c"): {"y"}, ("c", "a"): {"z"}, ("c", "d"): {"w"}}
        self.assertEqual(cycles(edges), [["a", "b", "c"]])

    def test_layering_errors(self):
        self.assertEqual(layering_errors({("policies", "core"): {"m"}}), [])
        self.assertEqual(layering_errors({("policies", "search"): {"m"}}), [])
        self.assertEqual(len(layering_errors({("core", "search"): {"m"}})), 1)
        self.assertEqual(len(layering_errors({("search", "policies"): {"m"}})), 1)
        self.assertEqual(len(layering_errors({("search", "newapp"): {"m"}})), 1)
        self.assertEqual(len(layering_errors({("policies", "demo"): {"m"}})), 1)

    def test_relative_imports_are_resolved(self):
        node = ast.parse("from ..selectors import x").body[0]
        self.assertEqual(
            _imported(node, "policyshare.core.templatetags.portal_tags", False),
            ["policyshare.core.selectors", "policyshare.core.selectors.x"],
        )
        node = ast.parse("from . import models").body[0]
        self.assertEqual(
            _imported(node, "policyshare.api", True),
            ["policyshare.api", "policyshare.api.models"],
        )
