"""The GraphQL examples of a Markdown file: each ```graphql block with the ```json block
of its variables right under it, if any."""

import json
import re
from pathlib import Path

EXAMPLE = re.compile(r"```graphql\n(.*?)```\n(?:```json\n(.*?)```\n)?", re.S)


def examples(path: Path) -> list[tuple[str, dict]]:
    return [(query, json.loads(variables) if variables else {})
            for query, variables in EXAMPLE.findall(path.read_text())]
