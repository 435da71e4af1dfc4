"""BP Till: the register software of the idol café Backstage Pass."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("bp-till")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
