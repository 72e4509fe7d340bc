"""Check the layering rules of bot/ (stdlib only); exit 1 with one line per broken rule.

    python scripts/check_architecture.py [ROOT]

Rules (README, "Architecture"):

* no module of bot/ has more than MAX_LINES lines;
* bot/core imports nothing from the rest of bot/ and nothing from telegram (the standard
  library and other third-party libraries are fine);
* bot/channels imports no feature or runtime module (bot.admin, bot.subscriptions,
  bot.runtime, nor the composition root bot.app): the composition root hands channels what
  they need;
* sqlite3 is imported only in bot/storage;
* the module-level imports among bot modules have no cycle (imports under
  `if TYPE_CHECKING:` and inside functions do not run at import time and are not counted).
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

MAX_LINES = 450
CHANNELS_MAY_NOT_IMPORT = ("bot.admin", "bot.subscriptions", "bot.runtime", "bot.app")


@dataclass(frozen=True, slots=True)
class Import:
    module: str  # the imported module, absolute
    line: int
    top_level: bool  # runs when the module is imported
    names: tuple[str, ...] = ()  # `from module import names`: maybe submodules


@dataclass(frozen=True, slots=True)
class Module:
    name: str  # "bot.core.engine"
    path: str  # "bot/core/engine.py"
    lines: int
    imports: tuple[Import, ...]


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1]
    problems = check(root)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} architecture rule(s) broken; see scripts/check_architecture.py")
        return 1
    print("Architecture rules hold.")
    return 0


def check(root: Path) -> list[str]:
    modules = {module.name: module for module in read_modules(root)}
    problems: list[str] = []
    for module in modules.values():
        problems += _size(module)
        for imported in module.imports:
            problems += _layering(module, imported)
    problems += _cycles(modules)
    return problems


def read_modules(root: Path) -> list[Module]:
    found = []
    for path in sorted((root / "bot").rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        parts = relative.removesuffix(".py").split("/")
        if parts[-1] == "__init__":
            parts = parts[:-1]
        name = ".".join(parts)
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source, filename=relative)
        is_package = path.name == "__init__.py"
        imports = tuple(_imports(tree, name, is_package))
        found.append(Module(name, relative, len(source.splitlines()), imports))
    return found


def _imports(tree: ast.Module, name: str, is_package: bool) -> list[Import]:
    top_level = {id(node) for node in _top_level_imports(tree.body)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append(Import(alias.name, node.lineno, id(node) in top_level))
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, name, is_package)
            names = tuple(alias.name for alias in node.names)
            found.append(Import(base, node.lineno, id(node) in top_level, names))
    return found


def _top_level_imports(body: list[ast.stmt]) -> list[ast.stmt]:
    """Imports that run at import time: at module level, or in a try/if that is not
    `if TYPE_CHECKING:`."""
    found: list[ast.stmt] = []
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If) and not _is_type_checking(node.test):
            found += _top_level_imports(node.body) + _top_level_imports(node.orelse)
        elif isinstance(node, ast.Try):
            found += _top_level_imports(node.body)
            for handler in node.handlers:
                found += _top_level_imports(handler.body)
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _absolute(node: ast.ImportFrom, name: str, is_package: bool) -> str:
    if node.level == 0:
        return node.module or ""
    package = name.split(".") if is_package else name.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def _size(module: Module) -> list[str]:
    if module.lines <= MAX_LINES:
        return []
    return [f"{module.path}: {module.lines} lines; a module of bot/ has at most {MAX_LINES}"]


def _layering(module: Module, imported: Import) -> list[str]:
    target, where = imported.module, f"{module.path}:{imported.line}"
    if _within(module.name, "bot.core"):
        if _within(target, "bot") and not _within(target, "bot.core"):
            return [f"{where}: bot/core imports {target}; the core imports only bot.core"]
        if _within(target, "telegram"):
            return [f"{where}: bot/core imports {target}; the core knows nothing of Telegram"]
    if _within(module.name, "bot.channels"):
        for banned in CHANNELS_MAY_NOT_IMPORT:
            if _within(target, banned):
                return [
                    f"{where}: bot/channels imports {target}; channels get what they need from "
                    "the composition root (bot/app.py), never a feature or the runtime"
                ]
    if _within(target, "sqlite3") and not _within(module.name, "bot.storage"):
        return [f"{where}: {module.path} imports sqlite3; database drivers only in bot/storage"]
    return []


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def _cycles(modules: dict[str, Module]) -> list[str]:
    graph = {
        name: sorted(
            {
                target
                for imported in module.imports
                if imported.top_level
                for target in _targets(imported, modules)
            }
            - {name}
        )
        for name, module in modules.items()
    }
    problems = []
    for component in _strongly_connected(graph):
        if len(component) > 1:
            cycle = _one_cycle(graph, set(component))
            problems.append("import cycle: " + " -> ".join([*cycle, cycle[0]]))
    return problems


def _targets(imported: Import, modules: dict[str, Module]) -> set[str]:
    """The bot modules an import runs. `from bot.admin import texts` runs bot.admin.texts; its
    package is already being imported then, so that is no cycle with the package."""
    submodules = {f"{imported.module}.{n}" for n in imported.names} & modules.keys()
    if imported.names and len(submodules) == len(imported.names):
        return submodules
    return submodules | ({imported.module} & modules.keys())


def _strongly_connected(graph: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            edges = graph[node]
            if child < len(edges):
                work.append((node, child + 1))
                nxt = edges[child]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(sorted(component))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components


def _one_cycle(graph: dict[str, list[str]], component: set[str]) -> list[str]:
    """A shortest cycle through the component's first module (breadth-first)."""
    start = min(component)
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in graph[node]:
                if nxt == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return list(reversed(path))
                if nxt in component and nxt not in came_from:
                    came_from[nxt] = node
                    following.append(nxt)
        frontier = following
    return sorted(component)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
