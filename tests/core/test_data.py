import gzip
import hashlib
import http.server
import struct
import threading
import tracemalloc

import numpy as np
import pytest

from core import data
from core.data import (
    DownloadCancelled,
    DownloadError,
    Normalizer,
    batches,
    load_idx_folder,
    prepare_image,
    read_idx,
    write_idx,
)

# ---------------------------------------------------------------- IDX


@pytest.mark.parametrize("dtype", [np.uint8, np.int8, np.int16, np.int32, np.float32, np.float64])
@pytest.mark.parametrize("name", ["a.idx", "a.idx.gz"])
def test_idx_round_trip(tmp_path, dtype, name):
    array = (np.arange(2 * 3 * 4) - 7).astype(dtype).reshape(2, 3, 4)
    if dtype == np.uint8:
        array = np.arange(24, dtype=np.uint8).reshape(2, 3, 4)
    write_idx(tmp_path / name, array)
    back = read_idx(tmp_path / name)
    assert back.dtype == array.dtype and back.dtype.isnative
    np.testing.assert_array_equal(back, array)


def test_idx_header_is_the_standard_one(tmp_path):
    write_idx(tmp_path / "labels", np.array([3, 1, 4], np.uint8))
    assert (tmp_path / "labels").read_bytes() == bytes([0, 0, 8, 1, 0, 0, 0, 3, 3, 1, 4])
    write_idx(tmp_path / "images", np.zeros((2, 28, 28), np.uint8))
    assert (tmp_path / "images").read_bytes()[:4] == bytes.fromhex("00000803")


def _raw(header: bytes, payload: bytes = b"") -> bytes:
    return header + payload


BAD_FILES = {
    "empty": (b"", "too short for an IDX header"),
    "bad magic": (bytes([1, 2, 8, 1, 0, 0, 0, 1, 5]), "not an IDX file"),
    "unknown type": (bytes([0, 0, 0x07, 1, 0, 0, 0, 1, 5]), "unknown IDX type code 0x07"),
    "zero dims": (bytes([0, 0, 8, 0]), "unsupported number of dimensions 0"),
    "too many dims": (bytes([0, 0, 8, 9]) + bytes(36), "unsupported number of dimensions 9"),
    "cut dims": (bytes([0, 0, 8, 3, 0, 0]), "header cut short"),
    "4 billion items": (bytes([0, 0, 8, 1]) + struct.pack(">I", 4_000_000_000) + bytes(10),
                        "more than any plausible IDX file"),
    "short data": (bytes([0, 0, 8, 2, 0, 0, 0, 3, 0, 0, 0, 3]) + bytes(8),
                   "holds 8 bytes of data but its header (3, 3) needs exactly 9"),
    "extra data": (bytes([0, 0, 8, 1, 0, 0, 0, 2]) + bytes(3), "needs exactly 2"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
@pytest.mark.parametrize("compress", [False, True])
def test_malformed_idx_files_raise_value_error_naming_file_and_problem(tmp_path, case, compress):
    content, message = BAD_FILES[case]
    path = tmp_path / f"bad{'.gz' if compress else ''}"
    path.write_bytes(gzip.compress(content) if compress else content)
    tracemalloc.start()
    try:
        with pytest.raises(ValueError) as info:
            read_idx(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 << 20  # never allocates what a hostile header claims
    assert str(path) in str(info.value) and message in str(info.value)


def test_truncated_and_corrupt_gzip(tmp_path):
    write_idx(tmp_path / "good.gz", np.arange(1000, dtype=np.int32))
    blob = (tmp_path / "good.gz").read_bytes()
    (tmp_path / "cut.gz").write_bytes(blob[:len(blob) // 2])
    (tmp_path / "tiny.gz").write_bytes(blob[:5])
    (tmp_path / "garbled.gz").write_bytes(blob[:12] + bytes(len(blob) - 20) + blob[-8:])
    for name in ("cut.gz", "tiny.gz", "garbled.gz"):
        with pytest.raises(ValueError, match=name):
            read_idx(tmp_path / name)


def test_lying_gzip_size_trailer_still_fails_without_allocating(tmp_path):
    # A header claiming 1.9 GB, and a forged trailer that agrees: the data stream runs out.
    header = bytes([0, 0, 8, 1]) + struct.pack(">I", 1_900_000_000)
    blob = bytearray(gzip.compress(header + bytes(100)))
    blob[-4:] = struct.pack("<I", (8 + 1_900_000_000) % (1 << 32))
    (tmp_path / "liar.gz").write_bytes(bytes(blob))
    with pytest.raises(ValueError, match="liar.gz"):
        read_idx(tmp_path / "liar.gz")


def test_missing_file_is_os_error(tmp_path):
    with pytest.raises(OSError):
        read_idx(tmp_path / "nope.idx")


def test_write_idx_rejects_what_it_cannot_store(tmp_path):
    with pytest.raises(ValueError, match="IDX cannot store int64"):
        write_idx(tmp_path / "x", np.arange(3))


# ---------------------------------------------------------------- folders of IDX files


def _write_set(folder, n_train=20, n_test=10, gz=True, seed=0):
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    ext = ".gz" if gz else ""
    for split, n in (("train", n_train), ("test", n_test)):
        images, labels = data.SPLIT_FILES[split]
        write_idx(folder / (images + ext), rng.integers(0, 256, (n, 28, 28), dtype=np.uint8))
        write_idx(folder / (labels + ext), rng.integers(0, 10, n, dtype=np.uint8))


@pytest.mark.parametrize("gz", [True, False])
def test_load_idx_folder(tmp_path, gz):
    _write_set(tmp_path / "set", gz=gz)
    train = load_idx_folder(tmp_path / "set", "train")
    test = load_idx_folder(tmp_path / "set", "test")
    assert train.images.shape == (20, 28, 28) and train.labels.shape == (20,)
    assert test.images.shape == (10, 28, 28) and train.labels.dtype == np.int64


def test_load_idx_folder_errors(tmp_path):
    with pytest.raises(OSError, match="not a folder"):
        load_idx_folder(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(OSError, match="no train-images-idx3-ubyte"):
        load_idx_folder(tmp_path / "empty")
    _write_set(tmp_path / "bad")
    write_idx(tmp_path / "bad" / "train-labels-idx1-ubyte.gz", np.full(20, 12, np.uint8))
    with pytest.raises(ValueError, match="labels must be classes 0–9, found .*12"):
        load_idx_folder(tmp_path / "bad")
    write_idx(tmp_path / "bad" / "train-labels-idx1-ubyte.gz", np.zeros(19, np.uint8))
    with pytest.raises(ValueError, match="20 images but labels of shape"):
        load_idx_folder(tmp_path / "bad")
    write_idx(tmp_path / "bad" / "train-images-idx3-ubyte.gz", np.zeros((20, 32, 32), np.uint8))
    with pytest.raises(ValueError, match=r"expected uint8 \(N, 28, 28\)"):
        load_idx_folder(tmp_path / "bad")
    with pytest.raises(ValueError, match="split must be"):
        load_idx_folder(tmp_path / "bad", "validation")


def test_bundled_fashion_mnist_is_a_stratified_split():
    train, test = data.load_fashion_mnist("train"), data.load_fashion_mnist("test")
    assert train.images.shape == (60000, 28, 28) and test.images.shape == (10000, 28, 28)
    assert np.bincount(train.labels).tolist() == [6000] * 10
    assert np.bincount(test.labels).tolist() == [1000] * 10
    assert train.labels[:100].std() > 1  # shuffled, not sorted by class
    assert len(data.FASHION_CLASSES) == 10 and data.FASHION_CLASSES[9] == "Ankle boot"


# ---------------------------------------------------------------- batches and normalisation


def test_batches_cover_everything_and_are_seeded():
    first = list(batches(10, 4, np.random.default_rng(1)))
    again = list(batches(10, 4, np.random.default_rng(1)))
    assert [len(b) for b in first] == [4, 4, 2]
    assert sorted(np.concatenate(first).tolist()) == list(range(10))
    assert all(np.array_equal(a, b) for a, b in zip(first, again))
    assert np.concatenate(list(batches(5, 2))).tolist() == [0, 1, 2, 3, 4]
    with pytest.raises(ValueError, match="batch size must be ≥ 1, got 0"):
        list(batches(5, 0))


def test_normalizer_uses_training_statistics():
    images = np.random.default_rng(0).integers(0, 256, (50, 28, 28), dtype=np.uint8)
    norm = Normalizer.fit(images)
    x = norm(images)
    assert x.shape == (50, 1, 28, 28) and x.dtype == np.float32
    assert abs(x.mean()) < 1e-4 and abs(x.std() - 1) < 1e-4
    np.testing.assert_allclose(norm(images / 255.0), x, atol=1e-5)  # [0, 1] floats too


# ---------------------------------------------------------------- user images


def _drawing(h=60, w=40, light_background=True):
    """A dark 'L' on white paper, off-centre."""
    page = np.full((h, w), 255, np.uint8)
    page[10:50, 5:10] = 0
    page[45:50, 5:30] = 0
    return page if light_background else 255 - page


@pytest.mark.parametrize("light", [True, False])
def test_prepare_image_centres_fits_and_inverts(light):
    x = prepare_image(_drawing(light_background=light))
    assert x.shape == (1, 28, 28) and x.dtype == np.float32
    img = x[0]
    assert img.max() == pytest.approx(1, abs=0.05) and img.min() == 0
    assert img[0].max() == 0 and img[:, 0].max() == 0  # background is dark
    rows, cols = np.flatnonzero(img.max(1) > 0.05), np.flatnonzero(img.max(0) > 0.05)
    assert rows[-1] - rows[0] + 1 == 20             # the longer side fits 20 pixels
    assert cols[-1] - cols[0] + 1 in (12, 13)       # aspect 25:40 kept
    cy = (img.sum(1) @ np.arange(28)) / img.sum()
    cx = (img.sum(0) @ np.arange(28)) / img.sum()
    assert abs(cy - 13.5) <= 0.75 and abs(cx - 13.5) <= 0.75


def test_prepare_image_accepts_floats_and_other_integer_types():
    drawing = _drawing()
    a = prepare_image(drawing)
    np.testing.assert_allclose(prepare_image(drawing / 255.0), a, atol=1e-6)
    np.testing.assert_allclose(prepare_image(drawing.astype(np.uint16) * 257), a, atol=1e-6)


def test_prepare_image_rejects_blank_and_non_2d():
    with pytest.raises(ValueError, match="blank"):
        prepare_image(np.full((30, 30), 200, np.uint8))
    with pytest.raises(ValueError, match="2-D grayscale"):
        prepare_image(np.zeros((28, 28, 3)))


# ---------------------------------------------------------------- download


class _Server:
    """A loopback HTTP server: path -> (bytes, behaviour)."""

    def __init__(self):
        self.files, self.requests = {}, []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                outer.requests.append(self.path)
                name = self.path.rsplit("/", 1)[-1]
                if name not in outer.files:
                    self.send_error(404)
                    return
                body, mode = outer.files[name]
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if mode == "drop":
                    self.wfile.write(body[:len(body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/data/"
        # a short poll: shutdown() waits for the loop to look (0.5 s by default, per test)
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,),
                                       daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


@pytest.fixture
def server(monkeypatch):
    srv = _Server()
    rng = np.random.default_rng(0)
    checksums = {}
    for name in data.OFFICIAL["mnist"]["md5"]:
        body = gzip.compress(rng.integers(0, 256, 300_000, dtype=np.uint8).tobytes())
        srv.files[name] = (body, "ok")
        checksums[name] = hashlib.md5(body).hexdigest()
    monkeypatch.setitem(data.OFFICIAL["mnist"], "md5", checksums)
    yield srv
    srv.close()


def test_download_fetches_verifies_and_reports_progress(tmp_path, server):
    seen = []
    folder = data.download_official("mnist", tmp_path, progress=lambda *a: seen.append(a),
                                    urls=[server.url])
    assert folder == tmp_path / "mnist"
    assert sorted(p.name for p in folder.iterdir()) == sorted(server.files)
    for name, (body, _) in server.files.items():
        assert (folder / name).read_bytes() == body
    assert seen[-1][1] == seen[-1][2] == len(server.files[seen[-1][0]][0])
    # a second call finds every file complete and downloads nothing
    count = len(server.requests)
    data.download_official("mnist", tmp_path, urls=[server.url])
    assert len(server.requests) == count


def test_connection_dropped_midway_leaves_no_file(tmp_path, server):
    name = "train-images-idx3-ubyte.gz"
    server.files[name] = (server.files[name][0], "drop")
    with pytest.raises(DownloadError, match="train-images-idx3-ubyte.gz"):
        data.download_official("mnist", tmp_path, urls=[server.url])
    assert not (tmp_path / "mnist" / name).exists()
    assert not [p for p in (tmp_path / "mnist").iterdir() if p.name.endswith(".part")]


def test_wrong_checksum_leaves_no_file(tmp_path, server):
    name = "t10k-labels-idx1-ubyte.gz"
    server.files[name] = (b"tampered" + server.files[name][0], "ok")
    with pytest.raises(DownloadError, match="checksum mismatch"):
        data.download_official("mnist", tmp_path, urls=[server.url])
    assert not (tmp_path / "mnist" / name).exists()
    assert [p.name for p in (tmp_path / "mnist").iterdir() if p.name.endswith(".part")] == []


def test_second_mirror_is_tried(tmp_path, server):
    bad = server.url.replace("/data/", "/missing/")
    server.files = {k: v for k, v in server.files.items()}
    folder = data.download_official("mnist", tmp_path, urls=[bad + "nothing-here/", server.url])
    assert len(list(folder.iterdir())) == 4


def test_cancel_stops_and_cleans_up(tmp_path, server):
    cancel = threading.Event()

    def progress(name, done, total):
        cancel.set()  # cancel as soon as data flows

    with pytest.raises(DownloadCancelled):
        data.download_official("mnist", tmp_path, progress=progress, cancel=cancel,
                               urls=[server.url])
    assert list((tmp_path / "mnist").iterdir()) == []


def test_unreachable_server_is_a_clear_error(tmp_path):
    with pytest.raises(DownloadError, match="could not download"):
        data.download_official("mnist", tmp_path, urls=["http://127.0.0.1:9/"], timeout=2)
    with pytest.raises(ValueError, match="unknown dataset"):
        data.download_official("cifar", tmp_path)
