"""The module graph of lib/arnews: no import cycles, no module importing another's private names."""
import ast
from pathlib import Path

import arnews

PKG = Path(arnews.__file__).resolve().parent


def _module_name(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _is_module(name: str) -> bool:
    base = PKG.parent.joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _imports(path: Path):
    """``(imported module, imported names)`` for every import in a file, at any level."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] == "arnews":
                    yield a.name, []
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if base.split(".")[0] != "arnews":
                continue
            names = [a.name for a in node.names]
            submodules = [f"{base}.{n}" for n in names if _is_module(f"{base}.{n}")]
            if submodules:
                for m in submodules:
                    yield m, []
                names = [n for n in names if not _is_module(f"{base}.{n}")]
            if names:
                yield base, names


def _graph():
    graph, private = {}, []
    for path in sorted(PKG.rglob("*.py")):
        name = _module_name(path)
        deps = set()
        for target, names in _imports(path):
            if target == name:
                continue
            if target != "arnews":  # the package itself: its __init__ only re-exports
                deps.add(target)
            for n in names:
                if n.startswith("_") and not n.startswith("__"):
                    private.append(f"{name} imports {target}.{n}")
        graph[name] = deps
    return graph, private


def _cycles(graph):
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in graph:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in graph:
        if v not in index:
            visit(v)
    return out


def _parent_packages(name):
    parts = name.split(".")
    return {".".join(parts[:k]) for k in range(2, len(parts))}


def test_no_import_cycles():
    graph, _ = _graph()
    # a module importing its own package's __init__ (stance.dyads -> stance) is not a cycle
    graph = {m: {d for d in deps if d not in _parent_packages(m)} for m, deps in graph.items()}
    assert _cycles(graph) == []


#: Private imports left for the owners of those modules to make public (see the merge notes).
KNOWN_PRIVATE = {"arnews.distributed imports arnews.corpus._finalize"}


def test_no_module_imports_another_modules_private_names():
    _, private = _graph()
    assert sorted(set(private) - KNOWN_PRIVATE) == []


def test_every_imported_arnews_module_exists():
    """A relative import that a move left pointing at a module that is not there (found only
    when that line runs, e.g. inside a function) fails here."""
    missing = []
    for path in sorted(PKG.rglob("*.py")):
        for target, _ in _imports(path):
            if target != "arnews" and not _is_module(target):
                missing.append(f"{_module_name(path)} imports {target}")
    assert missing == []


def test_the_graph_walker_sees_cycles_and_private_imports(tmp_path):
    """The checks above can fail: a two-module cycle and a private import are reported."""
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]
    graph, _ = _graph()
    assert "arnews.stages" in graph["arnews.pipeline"]


def test_annotators_do_not_import_the_pipeline_or_the_evaluation():
    graph, _ = _graph()
    annotators = [m for m in graph if m.split(".")[1:2] and m.split(".")[1] in ("actors", "quotes", "stance", "morph", "text", "clean")]
    for m in annotators:
        bad = {d for d in graph[m] if d.startswith(("arnews.pipeline", "arnews.evaluation", "arnews.distributed"))}
        assert not bad, f"{m} imports {bad}"


def test_modules_are_small_or_split_by_job():
    """Every module under about 600 lines, except the ones listed (split pending)."""
    pending: set[str] = set()  # modules allowed over the limit while a split is under way (none now)
    big = {_module_name(p): len(p.read_text(encoding="utf-8").splitlines()) for p in PKG.rglob("*.py")}
    too_big = {m: n for m, n in big.items() if n > 650 and m not in pending}
    assert too_big == {}
