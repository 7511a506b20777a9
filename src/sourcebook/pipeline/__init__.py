"""The extraction pipeline: named components run in order over each Document.

    pipeline = Pipeline(codebook)
    pipeline.add_pipe("sentences")
    doc = pipeline(doc)
    for doc in pipeline.pipe(docs, batch_size=16): ...

A config (TOML, `default.toml` beside this file) lists the components and their settings; it
is stored with every build so that the run can be reproduced.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator

from sourcebook.codebook import Codebook
from sourcebook.model import Document
from sourcebook.pipeline.registry import component, get_component, registered


class Pipeline:
    """An ordered list of named components.

    Attributes:
        codebook: the vocabularies every component reads.
        batch_size: documents handed at once to a component that has `pipe`.
    """

    def __init__(self, codebook: Codebook, batch_size: int = 16):
        self.codebook = codebook
        self.batch_size = batch_size
        self._components: list[tuple[str, Callable, dict]] = []

    def add_pipe(self, name: str, **config) -> Callable:
        """Build the component registered as `name` with `config` and append it."""
        meta = get_component(name)
        proc = meta.factory(self.codebook, **config)
        self._components.append((name, proc, dict(config)))
        return proc

    @property
    def pipe_names(self) -> list[str]:
        return [name for name, _, _ in self._components]

    @property
    def config(self) -> dict:
        """The config that rebuilds this pipeline (what `to_config` of pipeline.config writes)."""
        return {"pipeline": self.pipe_names, "batch_size": self.batch_size,
                "components": {name: cfg for name, _, cfg in self._components}}

    def get_pipe(self, name: str) -> Callable:
        for n, proc, _ in self._components:
            if n == name:
                return proc
        raise KeyError(name)

    def __call__(self, doc: Document) -> Document:
        for _, proc, _ in self._components:
            doc = proc(doc)
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int | None = None,
             on_error: Callable[[Document, Exception], None] | None = None) -> Iterator[Document]:
        """Run every component over a stream of documents, one generator per component.

        A component with its own `pipe(docs, batch_size)` gets the stream; the others are called
        on each document. With `on_error`, a document whose processing fails is reported to it
        and dropped, and the stream goes on; without it the error is raised.
        """
        size = batch_size or self.batch_size
        stream: Iterable[Document] = docs
        for name, proc, _ in self._components:
            if hasattr(proc, "pipe"):
                stream = proc.pipe(stream, batch_size=size)
            else:
                stream = _each(proc, stream, on_error)
        yield from stream


def _each(proc: Callable, docs: Iterable[Document], on_error) -> Iterator[Document]:
    for doc in docs:
        try:
            yield proc(doc)
        except Exception as e:  # noqa: BLE001 - a bad document must not stop the batch
            if on_error is None:
                raise
            on_error(doc, e)


def load_pipeline(codebook: Codebook | None = None, config_path=None) -> Pipeline:
    """The pipeline a config describes (the default one when none is given)."""
    from sourcebook.codebook import load_codebook
    from sourcebook.pipeline.config import read_config, build_pipeline

    return build_pipeline(read_config(config_path), codebook or load_codebook())


__all__ = ["Pipeline", "component", "load_pipeline", "registered"]
