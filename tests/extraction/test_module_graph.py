"""The extractor's stages import one another without a circle, type-only imports included:
each stage can be read, tested and replaced on its own."""

import ast
from pathlib import Path

import claims.extraction

PACKAGE = Path(claims.extraction.__file__).parent


def _local_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
    return found


def test_no_module_of_the_extractor_imports_itself_back_through_another():
    graph = {path.stem: _local_imports(path) for path in PACKAGE.glob("*.py")}
    visiting, done = set(), set()

    def visit(module, trail):
        assert module not in visiting, "import circle: " + " -> ".join([*trail, module])
        if module in done or module not in graph:
            return
        visiting.add(module)
        for imported in sorted(graph[module]):
            visit(imported, [*trail, module])
        visiting.discard(module)
        done.add(module)

    for module in sorted(graph):
        visit(module, [])


def test_the_rule_helpers_share_records_from_drafts_not_from_rules():
    for helper in ("phrases", "sources", "resolution", "carryover"):
        assert "rules" not in _local_imports(PACKAGE / f"{helper}.py"), helper
