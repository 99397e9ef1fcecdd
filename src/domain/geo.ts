/**
 * Positions are kept in GCJ-02, the system WeChat's getLocation gives (type 'gcj02') and maps in
 * China use. A browser gives WGS-84 (GPS); inside mainland China the two differ by a few hundred
 * metres, so an H5 fix is converted before it is compared with a post or a checkpoint set from
 * the mini program. The standard published transform (as in wandergis/coordtransform); outside
 * mainland China there is no offset.
 */
const A = 6378245.0
const EE = 0.006693421622965943

function outOfChina(lng: number, lat: number): boolean {
  return !(lng > 73.66 && lng < 135.05 && lat > 3.86 && lat < 53.55)
}

function dLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  return r
}

function dLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  return r
}

/** A WGS-84 (GPS) position as GCJ-02. */
export function wgs84ToGcj02(lat: number, lng: number): { lat: number; lng: number } {
  if (outOfChina(lng, lat)) return { lat, lng }
  const rad = (lat / 180.0) * Math.PI
  let magic = Math.sin(rad)
  magic = 1 - EE * magic * magic
  const sq = Math.sqrt(magic)
  const la = (dLat(lng - 105.0, lat - 35.0) * 180.0) / (((A * (1 - EE)) / (magic * sq)) * Math.PI)
  const ln = (dLng(lng - 105.0, lat - 35.0) * 180.0) / ((A / sq) * Math.cos(rad) * Math.PI)
  return { lat: lat + la, lng: lng + ln }
}
