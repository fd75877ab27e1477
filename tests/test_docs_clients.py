"""docs/clients.md shows the client files CI runs (.ci/clients), byte for byte, and
leaves none of them out."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "clients.md"
NOT_SHOWN = {"package.json", "package-lock.json", ".gitignore"}


def included() -> dict[str, str]:
    blocks = re.findall(r"<!-- include: (\S+) -->\n```\w*\n(.*?)^```$", DOC.read_text(),
                        re.S | re.M)
    return dict(blocks)


def test_every_included_block_is_its_file():
    blocks = included()
    assert blocks
    for path, text in blocks.items():
        assert text == (ROOT / path).read_text(), f"docs/clients.md differs from {path}"


def test_every_client_file_is_shown():
    files = {str(path.relative_to(ROOT)) for path in (ROOT / "clients").rglob("*")
             if path.is_file() and "node_modules" not in path.parts
             and "__pycache__" not in path.parts and path.name not in NOT_SHOWN}
    assert files == set(included())
