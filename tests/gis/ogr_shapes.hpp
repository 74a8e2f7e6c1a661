// Small OGR shapes the tests write into their fixture layers.
#pragma once
#include <ogr_geometry.h>

namespace parkatlas::test {

// The axis-aligned square with lower-left corner (x, y) and the given side, counter-clockwise.
inline OGRPolygon axis_square(double x, double y, double side) {
  OGRLinearRing ring;
  ring.addPoint(x, y);
  ring.addPoint(x + side, y);
  ring.addPoint(x + side, y + side);
  ring.addPoint(x, y + side);
  ring.addPoint(x, y);
  OGRPolygon square;
  square.addRing(&ring);
  return square;
}

}  // namespace parkatlas::test
