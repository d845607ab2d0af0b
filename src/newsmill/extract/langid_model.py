"""py3langid's model, memory-mapped from the machine's cache instead of loaded into every process.

Loaded as py3langid loads it, the model is ~73 MB of each process's private memory (its byte
state machine as a 9.8 million-entry ``array``, the feature × language table, the per-state
lists); every fork server and page process of every worker held it. Here its arrays are written
once per machine as ``.npy`` files (``newsmill.mapped``: named by the model file's content hash)
and mapped read-only; the identifier gets memoryviews and arrays over the mapped files, which it
indexes exactly as it indexes its own lists and arrays, so every answer is the same.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np


def identifier(model_file: Path) -> Any:
    """A ``LanguageIdentifier`` (normalised probabilities) over the memory-mapped model, or one
    loaded as py3langid does where the cache cannot be written."""
    from py3langid.langid import LanguageIdentifier

    from newsmill.mapped import cached, content_key

    folder = cached(content_key(model_file, "langid"), "", lambda target: _write(model_file, target))
    if folder is None:
        return LanguageIdentifier.from_modelpath(model_file, norm_probs=True)
    classes = json.loads((folder / "classes.json").read_text(encoding="utf-8"))

    def mapped(name: str) -> np.ndarray[Any, Any]:
        return np.asarray(np.load(folder / f"{name}.npy", mmap_mode="r"))

    rows = mapped("row")
    # ``.data``: a memoryview, indexed like py3langid's own ``array`` (a Python int per item, at C speed)
    ident = LanguageIdentifier(mapped("ptc"), mapped("pc"), classes, mapped("nextmove").data,
                               mapped("output").data, norm_probs=True, tk_row=())
    # set after construction: the constructor would build the pre-shifted row offsets as a list
    # of 100,000 ints; they are in the cache already
    ident.tk_row = rows.data
    ident._rowbase = mapped("rowbase").data
    return ident


def _write(model_file: Path, folder: Path) -> None:
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, output = load_model(model_file)
    folder.mkdir()
    row_array = np.frombuffer(row, dtype=np.dtype(row.typecode))
    arrays = {
        "ptc": np.asarray(ptc), "pc": np.asarray(pc),
        "nextmove": np.frombuffer(nextmove, dtype=np.dtype(nextmove.typecode)),
        "row": row_array, "rowbase": row_array.astype(np.int64) << 8,
        "output": np.asarray(output, dtype=np.int64),
    }
    for name, array in arrays.items():
        np.save(folder / f"{name}.npy", np.ascontiguousarray(array), allow_pickle=False)
    (folder / "classes.json").write_text(json.dumps(list(classes)), encoding="utf-8")
