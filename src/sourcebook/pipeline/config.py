"""Pipeline configs: TOML with `pipeline = [...]`, `batch_size`, and `[components.<name>]` tables."""
from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

from sourcebook.codebook import Codebook
from sourcebook.errors import ConfigError


def read_config(path: Path | str | None = None) -> dict:
    """Read and check a config; the default one when `path` is None."""
    try:
        if path is None:
            text = (resources.files("sourcebook.pipeline") / "default.toml").read_text(encoding="utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        config = tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"pipeline config {path or 'default.toml'}: {e}") from e
    names = config.get("pipeline")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ConfigError("pipeline config: `pipeline` must be a list of component names")
    unknown = set(config.get("components", {})) - set(names)
    if unknown:
        raise ConfigError(f"pipeline config: settings for components not in the pipeline: {sorted(unknown)}")
    return config


def build_pipeline(config: dict, codebook: Codebook):
    from sourcebook.pipeline import Pipeline

    pipeline = Pipeline(codebook, batch_size=int(config.get("batch_size", 16)))
    for name in config["pipeline"]:
        pipeline.add_pipe(name, **config.get("components", {}).get(name, {}))
    return pipeline


def to_toml(config: dict) -> str:
    """Write a config back as TOML (the subset configs use: strings, numbers, booleans, lists)."""

    def value(v):
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return repr(v)
        if isinstance(v, str):
            return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if isinstance(v, (list, tuple)):
            return "[" + ", ".join(value(x) for x in v) + "]"
        raise ConfigError(f"cannot write {v!r} to a pipeline config")

    lines = [f"pipeline = {value(config['pipeline'])}", f"batch_size = {value(config.get('batch_size', 16))}"]
    for name, settings in config.get("components", {}).items():
        if settings:
            lines.append(f"\n[components.{name}]")
            lines += [f"{k} = {value(v)}" for k, v in settings.items()]
    return "\n".join(lines) + "\n"
