"""The CLI's consoles and its one way to fail: a single clean line on stderr and an exit code."""
from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape

err = Console(stderr=True)
out = Console()


def fail(message: str, code: int = 1) -> None:
    """Print one line (server DETAIL/HINT lines joined, markup escaped) and exit."""
    one_line = " ".join(part.strip() for part in str(message).splitlines() if part.strip())
    err.print(f"[bold red]error:[/] {escape(one_line)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)
