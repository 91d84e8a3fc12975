"""Train the default model into every wheel (configuration is in pyproject.toml).

``build_py`` copies the package as usual and then trains the default model from the bundled
``corpora/`` into ``media_analytics/data/default_model`` of the build, by running
``python -m media_analytics.models --build-default DIR`` on the freshly copied sources. Editable
installs skip it (the model is then built on first use and cached), as does
``MEDIA_ANALYTICS_SKIP_MODEL_BUILD=1``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithModel(build_py):
    """``build_py`` that also trains the default model into the build."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False) or os.environ.get(
            "MEDIA_ANALYTICS_SKIP_MODEL_BUILD"
        ):
            return
        build_lib = Path(self.build_lib).resolve()
        target = build_lib / "media_analytics" / "data" / "default_model"
        shutil.rmtree(target, ignore_errors=True)  # never ship a model left in the source tree
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(build_lib), env.get("PYTHONPATH", "")) if p
        )
        print(f"training the default model into {target}", flush=True)
        subprocess.run(
            [sys.executable, "-m", "media_analytics.models", "--build-default", str(target)],
            check=True,
            env=env,
            cwd=build_lib,
        )


setup(cmdclass={"build_py": BuildPyWithModel})
