"""Entry points for data repositories: the pre-commit hook (``conforme-hook``) and the GitHub
Action (``conforme-action``).

Both only map files to schemas, with the rules of a ``conforme.toml`` file (or the
``[tool.conforme]`` table of ``pyproject.toml``), then run ``conforme validate`` on each file:
every verdict, message and report comes from the command.
"""
