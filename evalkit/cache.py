"""On-disk caches: one small checksummed file per text vector (or per measured event),
shared by runs and jobs.

An entry lives at `<dir>/<namespace>/<ab>/<key>.vec`, where the namespace names the model
(weights hash) and how it was run, and the key hashes the text. Each entry is written to a
temporary name and renamed, so jobs writing at once never see half an entry; a checksum over
the key and the vector catches a corrupt or truncated file, which is reported and recomputed.

Entries of the measured-event store are pickles, so the cache is only read in a folder that no
one else can write to (as ssh treats its files): one that another user owns, or that its group
or everyone may write to, is refused with a warning and the run goes on without the cache.
Pruning deletes only files named as evalkit names its entries, never anything else in cache.dir.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import re
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from evalkit.errors import InputError

log = logging.getLogger("evalkit")

MAGIC = b"EKV1"
DIGEST = 16
_HEAD = len(MAGIC) + 4  # magic, then the dimension as a little-endian uint32
_REFUSED: set[tuple[Path, str]] = set()  # (cache.dir, why) already warned of in this process
# What evalkit writes in a namespace folder: <ab>/<ab...>.vec, and its temporary names
_ENTRY = re.compile(r"([0-9a-f]{32})\.vec")
_TEMP = re.compile(r"\.([0-9a-f]{32})\.vec\.\d+\.\d+\.tmp")


def text_key(text: str) -> bytes:
    """The cache key of a text: a 128-bit hash of its UTF-8 bytes."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def _checksum(key: bytes, body: bytes) -> bytes:
    return hashlib.blake2b(body, key=key, digest_size=DIGEST).digest()


class DiskCache:
    """Vectors of one model on disk, safe for several processes reading and writing at once."""

    def __init__(self, root: Path, namespace: str, max_bytes: int) -> None:
        self.root = root.expanduser()
        if self.root.exists() and not self.root.is_dir():
            raise InputError(
                f"cache.dir: {self.root} is a file, not a folder; point cache.dir at a folder "
                "or pass cache.enabled=false"
            )
        self.folder = self.root / re.sub(r"[^\w.+-]", "_", namespace)
        self.max_bytes = max_bytes
        self.written = 0  # entries this process added
        self.refused = False  # the disk refused a write: warned once, not written to again
        self.unsafe = False  # others may write here: neither read nor written (warned once)
        for folder in (self.root, self.folder):
            if why := not_private(folder):
                self._refuse(
                    f"{why}, and an entry planted there would run as code when read; going on "
                    "without the cache (make the folder yours and private, or choose another "
                    "cache.dir)"
                )
                self.refused = self.unsafe = True
                break

    def _path(self, key: bytes) -> Path:
        name = key.hex()
        return self.folder / name[:2] / f"{name}.vec"

    def get(self, key: bytes) -> np.ndarray | None:
        """The stored vector, or None when absent, unreadable or corrupt (with a warning)."""
        body = self.read(key)
        if body is None:
            return None
        dim = int.from_bytes(body[4:_HEAD], "little") if len(body) >= _HEAD else -1
        if body[:4] != MAGIC or len(body) != _HEAD + 4 * dim:
            self._corrupt(key)
            return None
        return np.frombuffer(body, dtype="<f4", offset=_HEAD).astype(np.float32)

    def put(self, items: Iterable[tuple[bytes, np.ndarray]]) -> None:
        """Store vectors; each file appears whole or not at all (write, then rename)."""
        for key, vector in items:
            vec = np.ascontiguousarray(vector, dtype="<f4")
            if not self.write(key, MAGIC + vec.size.to_bytes(4, "little") + vec.tobytes()):
                return

    def has(self, key: bytes) -> bool:
        """Whether an entry is stored under the key (not checked: `read` does that)."""
        return not self.unsafe and self._path(key).is_file()

    def read(self, key: bytes) -> bytes | None:
        """The bytes stored under a key, or None when absent, unreadable or failing their
        checksum (with a warning)."""
        if self.unsafe:
            return None
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            os.utime(path)  # recently used: pruned last
        except OSError:
            pass  # pruned by another job since: the bytes read are still good
        body, digest = data[:-DIGEST], data[-DIGEST:]
        if len(data) < DIGEST or _checksum(key, body) != digest:
            self._corrupt(key)
            return None
        return body

    def write(self, key: bytes, body: bytes) -> bool:
        """Store bytes under a key, whole or not at all; False when the disk refused (then
        this cache writes nothing more: a full or read-only disk costs speed, never a result)."""
        if self.refused:
            return False
        path = self._path(key)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            if not path.parent.is_dir():  # each folder private, whatever the umask
                self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
                for folder in (self.folder, path.parent):
                    folder.mkdir(mode=0o700, exist_ok=True)
            tmp.write_bytes(body + _checksum(key, body))
            os.replace(tmp, path)
        except OSError as err:
            self._refuse(
                f"cannot write under {self.root} ({err.strerror or err}); going on without "
                "writing to the cache"
            )
            self.refused = True
            with contextlib.suppress(OSError):  # the folder itself may be what failed
                tmp.unlink(missing_ok=True)
            return False
        self.written += 1
        return True

    def _refuse(self, why: str) -> None:
        """Warn once per cache.dir and reason: the vector and event caches share a dir."""
        if (self.root, why) not in _REFUSED:
            _REFUSED.add((self.root, why))
            log.warning("cache: %s", why)

    def _corrupt(self, key: bytes) -> None:
        log.warning("cache: %s is corrupt or truncated; recomputing it", self._path(key))

    def prune(self) -> int:
        """Delete least recently used entries until the cache is under its size limit. Only
        evalkit's own entries (and temporary files) count and go: `<namespace>/<ab>/<ab..>.vec`,
        never another file that cache.dir holds."""
        if self.unsafe:
            return 0
        entries = []
        for sub in _scandir(self.root):
            for shard in _scandir(Path(sub.path)):
                for entry in _scandir(Path(shard.path)):
                    name = _ENTRY.fullmatch(entry.name) or _TEMP.fullmatch(entry.name)
                    ours = name and name[1][:2] == shard.name
                    if not ours or not entry.is_file(follow_symlinks=False):
                        continue
                    try:
                        st = entry.stat()
                    except OSError:
                        continue
                    entries.append((st.st_mtime, st.st_blocks * 512 or st.st_size, entry.path))
        total = sum(size for _, size, _ in entries)
        removed = 0
        for _, size, path in sorted(entries):
            if total <= self.max_bytes:
                break
            try:
                os.unlink(path)
            except OSError:
                continue  # another job removed it first
            total -= size
            removed += 1
        if removed:
            log.info("embedding cache: removed %d old entries to stay under %s", removed, self.root)
        return removed


class MeasureStore:
    """Measured events (`pipeline.EventMeasure`), pickled into a DiskCache namespace of their
    own. The key covers the event, every setting that measuring reads, the model and
    evalkit's own code, so an entry is only ever reused where measuring again would give the
    same bytes; thresholds, weights and penalties are applied after, and stay out of it."""

    def __init__(self, disk: DiskCache) -> None:
        self.disk = disk
        self.hits = 0

    def get(self, key: bytes) -> Any | None:
        body = self.disk.read(key)
        if body is None:
            return None
        try:
            value = pickle.loads(body)
        except Exception:  # checksummed, so only an entry of another evalkit gets here
            self.disk._corrupt(key)
            return None
        self.hits += 1
        return value

    def put(self, key: bytes, value: Any) -> None:
        self.disk.write(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def has(self, key: bytes) -> bool:
        return self.disk.has(key)


def not_private(folder: Path) -> str | None:
    """Why others may write to an existing folder (another user owns it, or its group or
    everyone may write to it), or None. POSIX only."""
    try:
        st = folder.stat()
    except OSError:
        return None  # not there yet: made private when the first entry is written
    if not hasattr(os, "getuid"):
        return None
    if st.st_uid != os.getuid():
        return f"{folder} belongs to another user"
    if st.st_mode & 0o022:
        return f"{folder} may be written to by other users (run `chmod go-w {folder}`)"
    return None


def _scandir(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as it:
            return [e for e in it if not e.name.startswith(".") or e.name.endswith(".tmp")]
    except OSError:
        return []
