"""LibreOffice as a producer of test documents: converting files the way its users save them.

Tests that use it skip when the machine has no LibreOffice (``OFFICE`` is ``None``).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

__all__ = ["OFFICE", "convert"]

#: The LibreOffice program, or ``None`` on a machine without it.
OFFICE = next((found for name in ("soffice", "libreoffice") if (found := shutil.which(name))), None)


def convert(
    sources: list[Path], folder: Path, target: str, *, opened_as: str | None = None
) -> list[Path]:
    """``sources`` converted by LibreOffice into ``folder``, in the same order.

    ``target`` is what ``--convert-to`` takes: an extension, optionally with the export
    filter after a colon (``"docx:MS Word 2007 XML"``). ``opened_as`` names the import
    filter; a web page opened with ``"HTML (StarWriter)"`` becomes a Word-processor
    document, as when a page is opened in Writer and saved, instead of a Writer/Web one.
    The converted files take the sources' names with the target's extension.
    """
    assert OFFICE is not None
    options = [] if opened_as is None else [f"--infilter={opened_as}"]
    subprocess.run(
        [
            OFFICE,
            # A profile of its own: a fresh one per folder, so runs never share a lock.
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            *options,
            "--convert-to",
            target,
            "--outdir",
            str(folder),
            *map(str, sources),
        ],
        capture_output=True,
        timeout=300,
        check=True,
    )
    extension = target.split(":", 1)[0]
    converted = [folder / f"{source.stem}.{extension}" for source in sources]
    missing = [path.name for path in converted if not path.is_file()]
    assert not missing, f"LibreOffice wrote no {missing}"
    return converted
