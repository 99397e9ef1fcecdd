import { wgs84ToGcj02 } from '../../../src/domain/geo'
import { distanceM } from '../../../src/domain/patrol/rules'

describe('WGS-84 to GCJ-02 (an H5 fix compared with positions set in the mini program)', () => {
  it('gives the published reference value (wgs84togcj02(116.404, 39.915) in coordtransform)', () => {
    const g = wgs84ToGcj02(39.915, 116.404)
    expect(g.lat).toBeCloseTo(39.91640428150164, 12)
    expect(g.lng).toBeCloseTo(116.41024449916938, 12)
  })

  it('moves a point in Shenzhen by hundreds of metres, and leaves one outside mainland China as it is', () => {
    const sz = { lat: 22.5431, lng: 114.0579 }
    const g = wgs84ToGcj02(sz.lat, sz.lng)
    const moved = distanceM(sz, g)
    expect(moved).toBeGreaterThan(200)
    expect(moved).toBeLessThan(800)
    expect(wgs84ToGcj02(51.5007, -0.1246)).toEqual({ lat: 51.5007, lng: -0.1246 })
  })
})
