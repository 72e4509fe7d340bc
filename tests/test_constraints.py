"""constraints.txt pins every version: what the tests, CI, the README's set-up and the Docker
image install (scripts/lock writes it from pyproject.toml)."""

from __future__ import annotations

import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def pinned() -> dict[str, str]:
    """Package name (canonical) -> the exact version in constraints.txt."""
    pins: dict[str, str] = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, separator, exact = line.partition("==")
            assert separator, f"not an exact pin: {line}"
            pins[canonicalize_name(name)] = exact.strip()
    return pins


def requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    named = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    return [Requirement(text) for text in named]


def test_every_dependency_is_pinned_inside_its_range() -> None:
    pins = pinned()
    for requirement in requirements():
        exact = pins.get(canonicalize_name(requirement.name))
        assert exact is not None, f"{requirement.name} is not in constraints.txt; run scripts/lock"
        assert requirement.specifier.contains(exact, prereleases=True), (
            f"constraints.txt pins {requirement.name}=={exact}, outside {requirement}; "
            "run scripts/lock"
        )


def test_the_tests_run_with_the_pinned_versions() -> None:
    wrong = []
    for name, exact in pinned().items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = "missing"
        if installed != exact:
            wrong.append(f"{name} {installed} (pinned {exact})")
    assert wrong == [], "run bash scripts/setup"


def test_setup_and_the_docker_image_install_with_the_constraints() -> None:
    setup = (ROOT / "scripts" / "setup").read_text(encoding="utf-8")
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "pip install --quiet -c constraints.txt -e '.[dev]'" in setup
    assert "COPY pyproject.toml README.md constraints.txt ./" in dockerfile
    assert "RUN pip install -c constraints.txt ." in dockerfile
