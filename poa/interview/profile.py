"""The seller profile: details the interview remembers between runs, in the user's config folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from platformdirs import user_config_dir
from pydantic import ValidationError

from poa.case.model import Seller
from poa.outputs.atomic import write_atomic
from poa.yamldump import dump_yaml

HEADER = "# poa seller profile: reused by `poa interview`\n"


def profile_path(path: Path | None = None) -> Path:
    """Where the profile lives: the file given, or profile.yaml in the config folder."""
    return path if path is not None else Path(user_config_dir("poa")) / "profile.yaml"


def load_profile(path: Path | None = None) -> dict[str, Any] | None:
    """The saved seller details, or None when there are none (or they cannot be read)."""
    try:
        data = yaml.safe_load(profile_path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return None
    seller = data.get("seller") if isinstance(data, dict) else None
    if not isinstance(seller, dict):
        return None
    try:
        Seller.model_validate(seller)
    except ValidationError:
        return None  # edited into something unusable: ask afresh, and offer to save again
    return seller


def save_profile(seller: dict[str, Any], path: Path | None = None) -> Path:
    """Remember the seller details; returns where."""
    target = profile_path(path)
    write_atomic(target, (HEADER + dump_yaml({"seller": seller})).encode())
    return target
