"""The extractor's stages import one another without a circle, type-only imports included:
each stage can be read, tested and replaced on its own."""

import ast
import importlib
from pathlib import Path

import claims.extraction

PACKAGE = Path(claims.extraction.__file__).parent
# The stages of ArticleRules (issue 12), each a mixin in a module of its own, and its class.
STAGES = {
    "cues": "CueFinder",
    "frames": "FrameReader",
    "spans": "SpanPlacer",
    "clauses": "ClauseReader",
    "english_clauses": "EnglishClauseReader",
    "relays": "RelayReader",
    "linking": "Linker",
}
MAX_MODULE_LINES = 1200


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
    for helper in ("phrases", "sources", "resolution", "carryover", "wordsets", *STAGES):
        assert "rules" not in _local_imports(PACKAGE / f"{helper}.py"), helper


def test_no_module_of_the_extractor_grows_past_a_readable_length():
    too_long = {
        path.name: lines
        for path in PACKAGE.glob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not too_long, f"split these into stages of under {MAX_MODULE_LINES} lines: {too_long}"


def test_each_stage_module_says_what_it_reads_and_what_it_produces():
    for stage in STAGES:
        doc = ast.get_docstring(ast.parse((PACKAGE / f"{stage}.py").read_text(encoding="utf-8")))
        assert doc, f"{stage}.py has no docstring"
        assert "reads" in doc.lower() and "produces" in doc.lower(), stage


def test_a_stage_imports_no_other_stage_only_the_engine_imports_them_all():
    for stage in STAGES:
        assert not _local_imports(PACKAGE / f"{stage}.py") & set(STAGES), stage
    assert set(STAGES) <= _local_imports(PACKAGE / "rules.py")


def test_the_engine_is_composed_of_every_stage_before_the_phrase_and_source_helpers():
    from claims.extraction.phrases import PhraseFinder
    from claims.extraction.rules import ArticleRules

    bases = [base.__name__ for base in ArticleRules.__bases__]
    assert bases[: len(STAGES)] == list(STAGES.values())
    assert bases.index(PhraseFinder.__name__) == len(STAGES)


def test_no_two_stages_or_helpers_define_the_same_method():
    # (so the order of ArticleRules' bases decides nothing: each method has one home)
    owner = {}
    helpers = {"phrases": "PhraseFinder", "sources": "SourceClassifier"}
    for stage, name in {**STAGES, **helpers, "resolution": "SourceResolver"}.items():
        module = importlib.import_module(f"claims.extraction.{stage}")
        for method in vars(getattr(module, name)):
            if not method.startswith("__"):
                assert method not in owner, f"{method} in {owner.get(method)} and {stage}"
                owner[method] = stage


def test_every_stage_and_helper_declares_the_article_state_it_reads():
    # what a mixin may read on ``self`` is declared once, in state.py, and the engine sets
    # every attribute declared there
    from claims.extraction.lexicon import Lexicon, read_lexicon_data
    from claims.extraction.rules import ArticleRules
    from claims.extraction.state import ArticleState

    helpers = {"phrases": "PhraseFinder", "sources": "SourceClassifier"}
    for stage, name in {**STAGES, **helpers, "resolution": "SourceResolver"}.items():
        module = importlib.import_module(f"claims.extraction.{stage}")
        assert issubclass(getattr(module, name), ArticleState), stage
    lex = Lexicon("en", read_lexicon_data("en"))
    from claims.extraction.entities import build_entity_index

    rules = ArticleRules("A text.", lex, build_entity_index("A text.", lex))
    missing = [a for a in ArticleState.__annotations__ if not hasattr(rules, a)]
    assert not missing, f"declared in state.py but never set: {missing}"
