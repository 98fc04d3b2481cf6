#pragma once
// RenderProbe: whether the scene graph draws in software (Mesa's llvmpipe or softpipe, a virtual
// machine's or a remote desktop's "GPU"), so the players hand it RGB pictures instead of YUV.
//
// Why: with a GPU the YUV to RGB conversion in the scene graph's shader costs nothing and YUV planes
// are the smaller upload. Drawn in software, that shader runs for every tile pixel on every repaint,
// even for tiles whose picture did not change, and it was most of the workstation's CPU with 16 tiles
// (app/player/README.md, "Figures"). Converting once per decoded picture on the decoder's thread
// (swscale, SIMD) makes each repaint cheaper.
//
// VIGIL_PLAYER_PICTURES=rgb or =yuv overrides the choice (benchmarks compare the two).

#include "player/player_backend.h"

class QQuickWindow;

namespace vigil::app::player {

class RenderProbe {
public:
    // Reads the renderer's name once the window's scene graph is up (on its render thread).
    static void watch(QQuickWindow* window);
    // What a player asks its backend for now.
    static MediaSource::Pictures preferredPictures();
    // "llvmpipe (LLVM 15.0.6, 256 bits)" etc.; empty before the first window's scene graph is up.
    static QString rendererName();
    // True for renderers that rasterize on the CPU (exposed for tests).
    static bool isSoftwareRenderer(const QString& name);
};

}  // namespace vigil::app::player
