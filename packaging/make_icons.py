"""Render the app icon (packaging/icons/campaign-app.svg) into what each platform wants.

Only the SVG is kept in git: the PNG sizes (Linux hicolor theme, 16 to 512 px), the
Windows .ico and the macOS .icns are generated into the build folder by the build
scripts, so they can never drift from the drawing. Each size is rendered from the vector
by Qt's SVG renderer (QtSvg ships in PySide6-Essentials), not scaled down from a big
bitmap, which keeps the 16 px icon sharp; Pillow packs the sizes into .ico and .icns.

    python packaging/make_icons.py OUT_DIR
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE / "icons" / "campaign-app.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def render_pngs(svg: Path, out: Path) -> dict[int, Path]:
    """One PNG per size in out/png/, rendered from the vector."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"error: {svg} is not a valid SVG")
    (out / "png").mkdir(parents=True, exist_ok=True)
    written = {}
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out / "png" / f"campaign-app-{size}.png"
        if not image.save(str(path)):
            raise SystemExit(f"error: cannot write {path}")
        written[size] = path
    return written


def pack(pngs: dict[int, Path], out: Path) -> None:
    """campaign-app.ico (Windows) and campaign-app.icns (macOS) from the rendered sizes."""
    from PIL import Image

    images = {size: Image.open(path).convert("RGBA") for size, path in pngs.items()}
    largest = images[max(ICO_SIZES)]
    largest.save(
        out / "campaign-app.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    biggest = images[max(ICNS_SIZES)]
    biggest.save(out / "campaign-app.icns", append_images=[images[s] for s in ICNS_SIZES])


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path, help="folder for png/, campaign-app.ico, campaign-app.icns")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    pngs = render_pngs(SVG, args.out)
    pack(pngs, args.out)
    print(f"icons: {len(pngs)} PNG sizes, campaign-app.ico, campaign-app.icns → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
